#!/usr/bin/env python3
"""Control plane: what a command costs over the ZeroMQ endpoint, against each Circus daemon.

For each daemon (this project's bin/circusd; Python Circus's circusd when found), on one watcher
of 10 `sleep` processes:

1. round trip of 2000 sequential `list` calls, with this project's Java client
   (bench/java/ListLatency.java) and with a Python pyzmq client (bench/zmq_client.py): p50, p99;
2. calls/s served to 4 concurrent Python clients for 5 s;
3. `set numprocesses 500` (10 -> 500): from the request to the 500th child alive, then
   `set numprocesses 10`: from the request to the 490th exit;
4. wall time of one `circusctl list` process, start to exit (median of 10): bin/circusctl, and
   Python Circus's circusctl when found.

Targets (issue "Control plane"): Java client p50 <= 50 us; >= 1.5x Python Circus's calls/s with
the same Python clients; 10 -> 500 in <= 0.4 s; one circusctl list <= 0.17 s.

Needs a python3 with pyzmq for the Python clients (Debian: apt-get install python3-zmq); it is
looked for on PATH and at /usr/bin/python3 (--pyzmq-python to choose).
"""

import argparse
import json
import os
import shutil
import statistics
import subprocess
import time
from pathlib import Path

import benchlib as b

HERE = Path(__file__).resolve().parent
TARGET_JAVA_P50_US = 50.0
TARGET_CALLS_RATIO = 1.5
TARGET_SCALE_UP_S = 0.4
TARGET_CIRCUSCTL_S = 0.17
BASE_PROCESSES = 10


def pyzmq_python(explicit):
    candidates = [explicit] if explicit else [str(Path(d) / "python3") for d in os.environ.get("PATH", "").split(":") if d]
    candidates += ["/usr/bin/python3"]
    for python in candidates:
        if python and os.access(python, os.X_OK) and subprocess.run(
                [python, "-c", "import zmq"], capture_output=True).returncode == 0:
            return python
    raise b.BenchError("no python3 with pyzmq found (apt-get install python3-zmq, or --pyzmq-python)")


def run_json(argv, timeout=300):
    r = subprocess.run(argv, capture_output=True, text=True, timeout=timeout)
    if r.returncode != 0:
        raise b.BenchError(f"{' '.join(argv[:3])} ... failed ({r.returncode}):\n{r.stdout}{r.stderr}")
    return json.loads(r.stdout.strip().splitlines()[-1])


def java_latency(endpoint, calls):
    classpath = f"{b.PROJECT / 'target' / 'circus.jar'}:{b.PROJECT / 'target' / 'lib'}/*"
    return run_json(["java", "-XX:+UseSerialGC", "-cp", classpath, str(HERE / "java" / "ListLatency.java"),
                     endpoint, str(calls), "2000"])


def python_latency(python, endpoint, calls):
    return run_json([python, str(HERE / "zmq_client.py"), "latency", endpoint, str(calls), "500"])


def python_throughput(python, endpoint, clients, seconds):
    procs = [subprocess.Popen([python, str(HERE / "zmq_client.py"), "throughput", endpoint, str(seconds)],
                              stdout=subprocess.PIPE, text=True) for _ in range(clients)]
    results = []
    for p in procs:
        out, _ = p.communicate(timeout=seconds + 60)
        if p.returncode != 0:
            raise b.BenchError(f"a throughput client failed with {p.returncode}")
        results.append(json.loads(out))
    return sum(r["calls"] / r["seconds"] for r in results)


def scale(python, daemon, watch, target):
    """`set numprocesses target`; seconds from the request until the children number target."""
    before = len(watch.alive)
    reply = run_json([python, str(HERE / "zmq_client.py"), "call", daemon.endpoint, "set",
                      json.dumps({"name": "sleepers", "options": {"numprocesses": target}})], timeout=120)
    if target > before:
        done_ns = watch.wait_alive(target, timeout=120, daemon=daemon)
    else:
        done_ns = watch.wait_alive_at_most(target, timeout=120, daemon=daemon)
    return (done_ns - reply["sent_ns"]) / 1e9


def circusctl_wall(argv, runs):
    times = []
    for _ in range(runs + 1):
        t0 = time.monotonic()
        r = subprocess.run(argv, capture_output=True, text=True)
        took = time.monotonic() - t0
        if r.returncode != 0 or "sleepers" not in r.stdout:
            raise b.BenchError(f"{' '.join(argv)} failed ({r.returncode}):\n{r.stdout}{r.stderr}")
        times.append(took)
    return statistics.median(times[1:])  # the first run may fill caches (or build an archive)


def measure(cls, args, python):
    b.wait_quiet()
    d = cls(b.workdir("control"), BASE_PROCESSES)
    watch = b.ChildWatch(args.method)
    try:
        watch.attach(d.start())
        watch.wait_alive(BASE_PROCESSES, timeout=60, daemon=d)
        r = {"daemon": cls.key}
        b.log(f"  {cls.key}: Java client latency")
        r["java"] = java_latency(d.endpoint, args.calls)
        b.log(f"  {cls.key}: Python client latency")
        r["python"] = python_latency(python, d.endpoint, args.calls)
        b.log(f"  {cls.key}: {args.clients} Python clients for {args.seconds} s")
        r["calls_per_s"] = python_throughput(python, d.endpoint, args.clients, args.seconds)
        b.log(f"  {cls.key}: set numprocesses {args.scale_to} and back")
        r["scale_up_s"] = scale(python, d, watch, args.scale_to)
        r["scale_down_s"] = scale(python, d, watch, BASE_PROCESSES)
        ctl = circusctl_argv(cls, args, d.endpoint)
        if ctl:
            b.log(f"  {cls.key}: circusctl list")
            r["circusctl_s"] = circusctl_wall(ctl, args.circusctl_runs)
        d.stop_checked()
        return r
    finally:
        watch.close()
        d.kill_hard()


def circusctl_argv(cls, args, endpoint):
    if cls is b.CircusJvm:
        return [str(b.PROJECT / "bin" / "circusctl"), "--endpoint", endpoint, "list"]
    program = args.circusctl or shutil.which("circusctl")
    return [program, "--endpoint", endpoint, "list"] if program else None


def report(results, args):
    ours = next(r for r in results if r["daemon"] == "circus-jvm")
    python_circus = next((r for r in results if r["daemon"] == "circus-python"), None)

    def verdict(ok):
        return "met" if ok else "MISSED"

    rows = []
    for r in results:
        ratio = r["calls_per_s"] / python_circus["calls_per_s"] if python_circus else None
        rows.append([r["daemon"], f"{r['java']['p50_us']:.0f} / {r['java']['p99_us']:.0f}",
                     f"{r['python']['p50_us']:.0f} / {r['python']['p99_us']:.0f}",
                     f"{r['calls_per_s']:.0f}" + (f" ({ratio:.2f}x)" if ratio else ""),
                     f"{r['scale_up_s']:.3f} s", f"{r['scale_down_s']:.3f} s",
                     f"{r['circusctl_s']:.3f} s" if "circusctl_s" in r else "-"])
    print()
    print(f"Control plane over tcp, {args.calls} sequential list calls; {args.clients} Python clients for "
          f"{args.seconds:.0f} s; set numprocesses {BASE_PROCESSES} -> {args.scale_to} -> {BASE_PROCESSES}")
    b.table(rows, ["daemon", "Java list p50/p99 us", "Python list p50/p99 us", "calls/s (4 Python clients)",
                   f"-> {args.scale_to}", f"-> {BASE_PROCESSES}", "circusctl list wall"])
    print()
    print(f"targets: Java client p50 <= {TARGET_JAVA_P50_US:.0f} us: "
          f"{verdict(ours['java']['p50_us'] <= TARGET_JAVA_P50_US)}; "
          f"{BASE_PROCESSES} -> {args.scale_to} <= {TARGET_SCALE_UP_S} s: {verdict(ours['scale_up_s'] <= TARGET_SCALE_UP_S)}; "
          f"circusctl list <= {TARGET_CIRCUSCTL_S} s: {verdict(ours['circusctl_s'] <= TARGET_CIRCUSCTL_S)}; "
          + (f"calls/s >= {TARGET_CALLS_RATIO}x Python Circus: "
             f"{verdict(ours['calls_per_s'] >= TARGET_CALLS_RATIO * python_circus['calls_per_s'])}"
             if python_circus else "calls/s ratio: no Python Circus to compare with"))


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--calls", type=int, default=2000, help="sequential list calls (default 2000)")
    p.add_argument("--clients", type=int, default=4, help="concurrent Python clients (default 4)")
    p.add_argument("--seconds", type=float, default=5.0, help="seconds of the concurrent run (default 5)")
    p.add_argument("--scale-to", type=int, default=500, help="numprocesses to scale to (default 500)")
    p.add_argument("--circusctl-runs", type=int, default=10, help="circusctl list runs (default 10)")
    p.add_argument("--circusctl", help="Python Circus's circusctl program (default: circusctl on PATH)")
    p.add_argument("--pyzmq-python", help="a python3 with pyzmq for the Python clients")
    b.add_common_args(p)
    args = p.parse_args()

    python = pyzmq_python(args.pyzmq_python)
    daemons, info = b.begin(args)
    daemons = [cls for cls in daemons if cls is not b.Supervisord]  # it does not speak Circus's protocol
    results = [measure(cls, args, python) for cls in daemons]
    report(results, args)
    b.write_json(args.json, {"benchmark": "control_plane", "machine": info, "results": results,
                             "target": {"java_p50_us": TARGET_JAVA_P50_US, "calls_ratio": TARGET_CALLS_RATIO,
                                        "scale_up_s": TARGET_SCALE_UP_S, "circusctl_s": TARGET_CIRCUSCTL_S}})


if __name__ == "__main__":
    b.run_main(main)
