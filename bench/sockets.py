#!/usr/bin/env python3
"""Sockets: HTTP through workers that share a socket circusd owns, against the same workers each
binding the port themselves with SO_REUSEPORT (the usual alternative), both run by bin/circusd.

1. Throughput: --workers (default 4) examples/http_worker.py processes, loaded by wrk
   (--connections, --duration) on the circusd socket, then on SO_REUSEPORT sockets, alternating
   --rounds times; requests/s are the median of the rounds. Ratio = circusd socket / SO_REUSEPORT.
2. Reloads under load: wrk runs while `circusctl reload web --waiting` is sent --reloads times
   (graceful reload: new workers first, then the old ones get SIGTERM and finish their request);
   every request wrk could not complete counts as failed (socket errors and non-2xx answers).
   Done for both set-ups: with SO_REUSEPORT each old worker's socket closes with the connections
   still queued in it, which the circusd socket avoids.

Targets (issue "Sockets"): ratio ~1 (0.9 or more), 0 failed requests during the reloads on the
circusd socket.

Needs wrk (Debian: apt-get install wrk), python3 for the workers, and circusd's ZeroMQ control
endpoint (bin/circusctl). The workers are single-threaded Python: the numbers measure how the
socket is shared, not a fast server, and wrk and the workers share the machine's cores.
"""

import argparse
import os
import re
import shutil
import signal
import statistics
import subprocess
import sys
import time
import urllib.request

import benchlib as b

TARGET_RATIO = 0.9
TARGET_FAILED = 0
WORKER = b.PROJECT / "examples" / "http_worker.py"
CIRCUSCTL = b.PROJECT / "bin" / "circusctl"


class WebDaemon(b.CircusJvm):
    """bin/circusd with one watcher of HTTP workers, on a circusd socket or on SO_REUSEPORT."""

    key = "circus-jvm-sockets"

    def __init__(self, workdir, workers, mode, python):
        super().__init__(workdir, workers)
        self.mode = mode
        self.python = python
        self.port = b.free_loopback_port()
        self.control = f"tcp://127.0.0.1:{b.free_loopback_port()}"
        self.events = f"tcp://127.0.0.1:{b.free_loopback_port()}"
        self.output = self.workdir / f"{mode}.out"
        self.config = self.workdir / f"{mode}.ini"

    @property
    def url(self):
        return f"http://127.0.0.1:{self.port}/"

    def write_config(self):
        if self.mode == "circusd":
            socket = f"[socket:web]\nhost = 127.0.0.1\nport = {self.port}\n\n"
            cmd = f"{self.python} {WORKER} $(circus.sockets.web) web\nuse_sockets = true"
        else:
            socket = ""
            cmd = f"{self.python} {WORKER} --reuseport 127.0.0.1:{self.port} web"
        self.config.write_text(
            f"[circus]\nendpoint = {self.control}\npubsub_endpoint = {self.events}\ncheck_delay = 5\n\n{socket}"
            f"[watcher:web]\ncmd = {cmd}\nnumprocesses = {self.n}\ngraceful_timeout = 30\n")

    def workers(self):
        return sorted(c for c in b.children(self.pid) if (b.comm(c) or "").startswith("python"))

    def wait_serving(self, timeout=120):
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if not self.running():
                raise b.BenchError(f"circusd exited:\n{self.tail()}")
            if len(self.workers()) == self.n:
                try:
                    with urllib.request.urlopen(self.url, timeout=5) as answer:
                        if answer.status == 200:
                            return
                except OSError:
                    pass
            time.sleep(0.1)
        raise b.BenchError(f"{self.n} workers did not serve {self.url} within {timeout} s:\n{self.tail()}")

    def reload(self):
        r = subprocess.run([str(CIRCUSCTL), "--endpoint", self.control, "--timeout", "120", "reload", "web",
                            "--waiting"], capture_output=True, text=True, timeout=180)
        if r.returncode != 0:
            raise b.BenchError(f"circusctl reload failed ({r.returncode}): {r.stdout}{r.stderr}")


class Wrk:
    """One wrk run: started now, read when it ends (its duration, or SIGINT, which wrk reports as an end)."""

    def __init__(self, url, seconds, connections, threads):
        self.proc = subprocess.Popen(["wrk", "-t", str(threads), "-c", str(connections), "-d", f"{seconds}s",
                                      "--timeout", "30s", url], stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                                     text=True)

    def interrupt(self):
        self.proc.send_signal(signal.SIGINT)

    def result(self):
        out, _ = self.proc.communicate(timeout=600)
        if self.proc.returncode != 0:
            raise b.BenchError(f"wrk failed ({self.proc.returncode}):\n{out}")
        return parse_wrk(out)


def parse_wrk(out):
    def number(pattern, default=0.0):
        m = re.search(pattern, out)
        return float(m.group(1)) if m else default

    errors = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", out)
    socket_errors = dict(zip(("connect", "read", "write", "timeout"),
                             (int(x) for x in errors.groups()) if errors else (0, 0, 0, 0)))
    non_2xx = int(number(r"Non-2xx or 3xx responses: (\d+)"))
    return {"requests": int(number(r"(\d+) requests in")), "requests_per_s": number(r"Requests/sec:\s+([\d.]+)"),
            "socket_errors": socket_errors, "non_2xx": non_2xx,
            "failed": sum(socket_errors.values()) + non_2xx, "raw": out}


def worker_python(explicit):
    for candidate in (explicit, "/usr/bin/python3", sys.executable):
        if candidate and os.access(candidate, os.X_OK):
            return candidate
    raise b.BenchError("no python3 for the workers (--python)")


def throughput(daemons, args):
    results = {mode: [] for mode in daemons}
    for round_ in range(args.rounds):
        for mode, d in daemons.items():
            r = Wrk(d.url, args.duration, args.connections, args.threads).result()
            results[mode].append(r)
            b.log(f"  round {round_ + 1}/{args.rounds}, {mode}: {r['requests_per_s']:.0f} requests/s, "
                  f"{r['failed']} failed")
    return results


def reloads_under_load(d, args):
    before = d.workers()
    load = Wrk(d.url, 3600, args.connections, args.threads)
    try:
        time.sleep(2)
        took = []
        for i in range(args.reloads):
            t0 = time.monotonic()
            d.reload()
            took.append(time.monotonic() - t0)
            b.log(f"  {d.mode}: reload {i + 1}/{args.reloads} in {took[-1]:.2f} s")
            time.sleep(args.reload_spacing)
        time.sleep(2)
    finally:
        load.interrupt()
    r = load.result()
    d.wait_serving()
    replaced = not set(before) & set(d.workers())
    return {**r, "reload_seconds_median": statistics.median(took), "workers_replaced": replaced}


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--workers", type=int, default=4)
    p.add_argument("--connections", type=int, default=32)
    p.add_argument("--threads", type=int, default=2, help="wrk threads")
    p.add_argument("--duration", type=int, default=10, help="seconds per throughput run")
    p.add_argument("--rounds", type=int, default=3)
    p.add_argument("--reloads", type=int, default=10)
    p.add_argument("--reload-spacing", type=float, default=0.5, help="seconds between two reloads")
    p.add_argument("--python", help="python3 that runs the workers (default /usr/bin/python3)")
    p.add_argument("--json", help="write the results there")
    args = p.parse_args()

    b.setup_process()
    if shutil.which("wrk") is None:
        raise b.BenchError("wrk is not on PATH (Debian: apt-get install wrk)")
    python = worker_python(args.python)
    info = b.machine()
    b.print_machine(info)
    b.log(f"circus-jvm: {b.CircusJvm.prepare()}")
    wd = b.workdir("sockets")
    daemons = {mode: WebDaemon(wd, args.workers, mode, python) for mode in ("circusd", "reuseport")}
    try:
        for d in daemons.values():
            d.start()
        for d in daemons.values():
            d.wait_serving()
        for d in daemons.values():  # warm-up, not measured
            Wrk(d.url, 3, args.connections, args.threads).result()

        b.log(f"throughput: {args.rounds} x {args.duration} s per set-up, {args.connections} connections")
        rates = throughput(daemons, args)
        b.log(f"reloads: {args.reloads} per set-up under load")
        reloads = {mode: reloads_under_load(d, args) for mode, d in daemons.items()}
    finally:
        for d in daemons.values():
            d.stop()

    median = {mode: statistics.median(r["requests_per_s"] for r in runs) for mode, runs in rates.items()}
    ratio = median["circusd"] / median["reuseport"]
    print(f"\n{args.workers} workers (examples/http_worker.py), wrk -t{args.threads} -c{args.connections}, "
          f"{args.rounds} x {args.duration} s each, alternating")
    b.table([[mode, f"{median[mode]:.0f}", " ".join(f"{r['requests_per_s']:.0f}" for r in rates[mode]),
              sum(r["failed"] for r in rates[mode])] for mode in rates],
            ["set-up", "requests/s (median)", "rounds", "failed"])
    print(f"ratio circusd socket / SO_REUSEPORT: {ratio:.2f} (target >= {TARGET_RATIO}): "
          f"{'met' if ratio >= TARGET_RATIO else 'missed'}")
    print(f"\n{args.reloads} graceful reloads (circusctl reload web --waiting) under the same load")
    b.table([[mode, r["requests"], r["failed"], " ".join(f"{k} {v}" for k, v in r["socket_errors"].items()),
              r["non_2xx"], f"{r['reload_seconds_median']:.2f}", "yes" if r["workers_replaced"] else "NO"]
             for mode, r in reloads.items()],
            ["set-up", "requests", "failed", "socket errors", "non-2xx", "reload s (median)", "workers replaced"])
    failed = reloads["circusd"]["failed"]
    print(f"failed requests during reloads on the circusd socket: {failed} (target {TARGET_FAILED}): "
          f"{'met' if failed <= TARGET_FAILED else 'missed'}")
    b.write_json(args.json, {"machine": info, "args": vars(args), "requests_per_s": median, "ratio": ratio,
                             "throughput_runs": {m: [{k: v for k, v in r.items() if k != "raw"} for r in runs]
                                                 for m, runs in rates.items()},
                             "reloads": {m: {k: v for k, v in r.items() if k != "raw"} for m, r in reloads.items()}})


if __name__ == "__main__":
    try:
        main()
    except b.BenchError as e:
        b.log(f"error: {e}")
        sys.exit(1)
    except KeyboardInterrupt:
        b.log("interrupted")
        sys.exit(130)
