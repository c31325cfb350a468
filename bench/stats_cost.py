#!/usr/bin/env python3
"""Stats sampling cost with 1000 children: what the stats stream costs the supervisor.

Starts the daemon with one watcher of --n `sleep` processes (default 1000), twice: stats off, then
stats on (`statsd = True`, a `stats_endpoint` on a free loopback port). Once all children are
alive and --settle seconds (default 10) have passed, measures over --duration seconds (default 60)
the CPU of the daemon (utime + stime of all its threads, as % of one core) and, for Python Circus,
of its circusd-stats process too (a child of circusd: that is where Circus samples). When python3
can import zmq (--zmq-python), a subscriber on the stats endpoint counts the messages received, so that a run
where the stream did not flow is not mistaken for a cheap one (about n + 3 messages a second are
expected: one per process, the watcher's aggregate, circusd's own and their aggregate).

Python Circus is measured the same way when its circusd is found (--circusd PROGRAM, or circusd on
PATH); its stats cost is that of circusd plus circusd-stats, minus circusd's cost with stats off.

Target (this project): sampling 1000 processes once a second costs the daemon at most 5 % of one
core more than with stats off.
"""

import argparse
import shutil
import subprocess
import sys
import time

import benchlib as b

TARGET_PCT = 5.0


def stats_lines(endpoint):
    return f"statsd = True\nstats_endpoint = {endpoint}\n"


class StatsJvm(b.CircusJvm):
    """Our daemon with the stats stream on."""

    def __init__(self, workdir, numprocesses):
        super().__init__(workdir, numprocesses)
        self.stats_endpoint = f"tcp://127.0.0.1:{b.free_loopback_port()}"

    def endpoint_lines(self):
        return super().endpoint_lines() + stats_lines(self.stats_endpoint)


class StatsPython(b.CircusPython):
    """Python Circus with circusd-stats (its `statsd = False` line is replaced)."""

    def __init__(self, workdir, numprocesses):
        super().__init__(workdir, numprocesses)
        self.stats_endpoint = f"tcp://127.0.0.1:{b.free_loopback_port()}"

    def write_config(self):
        super().write_config()
        text = self.config.read_text().replace("statsd = False\n", stats_lines(self.stats_endpoint))
        self.config.write_text(text)


COUNTER = r"""
import os, sys, zmq
context = zmq.Context()
sub = context.socket(zmq.SUB)
sub.setsockopt(zmq.LINGER, 0)
sub.setsockopt(zmq.SUBSCRIBE, b"stat.")
sub.connect(sys.argv[1])
poller = zmq.Poller()
poller.register(sub, zmq.POLLIN)
poller.register(0, zmq.POLLIN)
count = 0
while True:
    for ready, _ in poller.poll():
        if ready is sub:
            sub.recv_multipart()
            count += 1
        elif not os.read(0, 1):
            sys.exit(0)
        else:
            print(count, flush=True)
"""


def zmq_python(explicit):
    """A python3 that can import zmq (pyzmq): --zmq-python, python3 on PATH, or Debian's; None if none."""
    for candidate in [explicit] if explicit else [sys.executable, shutil.which("python3"), "/usr/bin/python3"]:
        if candidate and subprocess.run([candidate, "-c", "import zmq"], capture_output=True).returncode == 0:
            return candidate
    return None


class StreamCounter:
    """A SUB on the stats endpoint, in a process of its own, counting what it receives."""

    def __init__(self, python, endpoint):
        self.proc = subprocess.Popen([python, "-c", COUNTER, endpoint], stdin=subprocess.PIPE,
                                     stdout=subprocess.PIPE, text=True)

    def count(self):
        self.proc.stdin.write("\n")
        self.proc.stdin.flush()
        return int(self.proc.stdout.readline())

    def close(self):
        self.proc.stdin.close()
        self.proc.wait(10)


def stats_child(daemon_pid):
    """The pid of Python Circus's circusd-stats, a child of circusd running `stats.main()`."""
    for child in b.children(daemon_pid):
        try:
            with open(f"/proc/{child}/cmdline", "rb") as f:
                if b"stats.main" in f.read():
                    return child
        except OSError:
            pass
    return None


def measure(cls, n, settle, duration, method, python):
    wd = b.workdir("stats")
    watch = b.ChildWatch(method)
    d = cls(wd, n)
    count = None
    try:
        pid = d.start()
        watch.attach(pid)
        watch.wait_alive(n, timeout=120, daemon=d)
        watch.close()
        stats_on = hasattr(d, "stats_endpoint")
        if stats_on and python:
            count = StreamCounter(python, d.stats_endpoint)
        time.sleep(settle)
        helper = stats_child(pid) if cls is StatsPython else None
        if cls is StatsPython and helper is None:
            raise b.BenchError(f"{d.label}: no circusd-stats process found")
        b.wait_quiet(max_busy=0.15 if stats_on else 0.10)
        others = b.OthersCpu()
        received0 = count.count() if count else 0
        ticks0, helper0, t0 = b.cpu_ticks(pid), b.cpu_ticks(helper) if helper else 0, time.monotonic()
        time.sleep(duration)
        ticks1, helper1, t1 = b.cpu_ticks(pid), b.cpu_ticks(helper) if helper else 0, time.monotonic()
        received = (count.count() - received0) if count else None
        seconds = t1 - t0
        r = {"daemon": cls.key, "stats": stats_on, "n": n,
             "daemon_cpu_pct": 100.0 * (ticks1 - ticks0) / b.CLK_TCK / seconds,
             "stats_process_cpu_pct": 100.0 * (helper1 - helper0) / b.CLK_TCK / seconds if helper else None,
             "messages_per_s": round(received / seconds, 1) if received is not None else None,
             "cpu_resolution_pct": 100.0 / b.CLK_TCK / seconds,
             "others_cpu_pct": round(100.0 * others.seconds() / seconds, 1)}
        r["total_cpu_pct"] = r["daemon_cpu_pct"] + (r["stats_process_cpu_pct"] or 0.0)
        alive = len(b.live_sleep_children(pid))
        if count:
            count.close()
            count = None
        d.stop_checked()
        if alive != n:
            raise b.BenchError(f"{d.label}: {alive} of {n} children alive at the end")
        return r
    finally:
        if count:
            count.close()
        watch.close()
        d.kill_hard()


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    b.add_fleet_args(p, duration=60.0)
    p.add_argument("--zmq-python", help="a python3 with pyzmq for the subscriber that counts the stream "
                                         "(default: python3 on PATH, else /usr/bin/python3, when they have it)")
    b.add_common_args(p)
    args = p.parse_args()

    daemons, info = b.begin(args)
    python = zmq_python(args.zmq_python)
    if python is None:
        b.log("note: no python3 with pyzmq found: the messages of the stream are not counted")
    runs = [(b.CircusJvm, StatsJvm)]
    if b.CircusPython in daemons:
        runs.append((b.CircusPython, StatsPython))
    results = []
    for off, on in runs:
        for cls in (off, on):
            r = measure(cls, args.n, args.settle, args.duration, args.method, python)
            b.log(f"  {cls.key} stats {'on' if r['stats'] else 'off'}: {r}")
            results.append(r)
    print()
    print(f"Stats cost with {args.n} children, CPU over {args.duration:.0f} s after {args.settle:.0f} s of settling "
          f"(% of one core; resolution {results[0]['cpu_resolution_pct']:.3f} %)")
    rows = []
    costs = {}
    for i in range(0, len(results), 2):
        off, on = results[i], results[i + 1]
        cost = on["total_cpu_pct"] - off["total_cpu_pct"]
        costs[off["daemon"]] = cost
        target = ""
        if off["daemon"] == "circus-jvm":
            target = f"<= {TARGET_PCT:.0f} %: {'met' if cost <= TARGET_PCT else 'MISSED'}"
        for r in (off, on):
            helper = r["stats_process_cpu_pct"]
            rows.append([r["daemon"], "on" if r["stats"] else "off", f"{r['daemon_cpu_pct']:.2f} %",
                         f"{helper:.2f} %" if helper is not None else "-", f"{r['total_cpu_pct']:.2f} %",
                         "" if r["messages_per_s"] is None else f"{r['messages_per_s']:.0f}",
                         f"{cost:.2f} %" if r is on else "", target if r is on else "",
                         f"{r['others_cpu_pct']:.0f} %"])
    b.table(rows, ["daemon", "stats", "daemon CPU", "circusd-stats CPU", "total", "messages/s", "stats cost",
                   "target", "others' CPU"])
    b.write_json(args.json, {"benchmark": "stats_cost", "machine": info, "results": results, "cost_pct": costs,
                             "target": {"stats_cost_pct": TARGET_PCT}})


if __name__ == "__main__":
    b.run_main(main)
