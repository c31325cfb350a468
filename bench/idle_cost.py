#!/usr/bin/env python3
"""Idle cost with 1000 children: the daemon's memory and CPU while nothing happens.

Starts the daemon with one watcher of --n `sleep` processes (default 1000), waits until all are
alive, lets it settle (--settle, default 10 s: start-up work such as JIT compilation is over),
then over --duration seconds (default 30) reads from /proc/<daemon pid>:

* CPU: utime + stime (all threads) at both ends, as % of one core; resolution one clock tick
  (1/CLK_TCK s) over the duration;
* memory at the end: VmRSS, VmHWM (peak RSS) and Pss (smaps_rollup: shared pages split between
  the processes that map them), plus the thread count.

Finally stops the daemon with SIGTERM and checks that all children are gone. Only the daemon
process is measured, not its children.

Targets (this project, with the JVM options bin/circusd ships): CPU <= 0.2 %, RSS <= 80 MB.
"""

import argparse
import time

import benchlib as b

TARGET_CPU_PCT = 0.2
TARGET_RSS_MB = 80.0


def measure(cls, n, settle, duration, method, java_opts=None):
    wd = b.workdir("idle")
    watch = b.ChildWatch(method)
    d = cls(wd, n, java_opts=java_opts) if cls is b.CircusJvm else cls(wd, n)
    try:
        pid = d.start()
        watch.attach(pid)
        t_alive = watch.wait_alive(n, timeout=120, daemon=d)
        startup_s = (t_alive - d.launched_ns) / 1e9
        watch.close()  # nothing of the benchmark runs during the measurement
        time.sleep(settle)
        b.wait_quiet()
        others = b.OthersCpu()
        ticks0, t0 = b.cpu_ticks(pid), time.monotonic()
        time.sleep(duration)
        ticks1, t1 = b.cpu_ticks(pid), time.monotonic()
        others_pct = 100.0 * others.seconds() / (t1 - t0)
        alive = len(b.live_sleep_children(pid))
        r = {"daemon": cls.key, "n": n, "startup_s": round(startup_s, 3),
             "cpu_pct": 100.0 * (ticks1 - ticks0) / b.CLK_TCK / (t1 - t0),
             "cpu_resolution_pct": 100.0 / b.CLK_TCK / (t1 - t0),
             "rss_mb": b.status_kb(pid, "VmRSS") / 1024, "hwm_mb": b.status_kb(pid, "VmHWM") / 1024,
             "pss_mb": (b.pss_kb(pid) or 0) / 1024, "threads": b.status_kb(pid, "Threads"),
             "children_alive_at_end": alive, "others_cpu_pct": round(others_pct, 1)}
        rc, stop_s = d.stop_checked()
        r.update({"exit_status": rc, "stop_s": round(stop_s, 2)})
        if alive != n:
            raise b.BenchError(f"{d.label}: {alive} of {n} children alive at the end")
        return r
    finally:
        watch.close()
        d.kill_hard()


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    b.add_fleet_args(p, duration=30.0)
    b.add_common_args(p)
    args = p.parse_args()

    daemons, info = b.begin(args)
    results = []
    for cls in daemons:
        r = measure(cls, args.n, args.settle, args.duration, args.method)
        b.log(f"  {cls.key}: {r}")
        results.append(r)
    print()
    print(f"Idle cost with {args.n} children, over {args.duration:.0f} s after {args.settle:.0f} s of settling "
          f"(CPU resolution {results[0]['cpu_resolution_pct']:.3f} %)")
    rows = []
    for r in results:
        cpu_t = rss_t = ""
        if r["daemon"] == "circus-jvm":
            cpu_t = f"<= {TARGET_CPU_PCT} %: {'met' if r['cpu_pct'] <= TARGET_CPU_PCT else 'MISSED'}"
            rss_t = f"<= {TARGET_RSS_MB:.0f} MB: {'met' if r['rss_mb'] <= TARGET_RSS_MB else 'MISSED'}"
        rows.append([r["daemon"], f"{r['cpu_pct']:.3f} %", cpu_t, f"{r['rss_mb']:.1f} MB", rss_t,
                     f"{r['pss_mb']:.1f} MB", f"{r['hwm_mb']:.1f} MB", r["threads"], f"{r['stop_s']:.2f} s",
                     f"{r['others_cpu_pct']:.0f} %"])
    b.table(rows, ["daemon", "CPU", "target", "RSS", "target", "PSS", "peak RSS", "threads", "SIGTERM->exit",
                   "others' CPU"])
    b.write_json(args.json, {"benchmark": "idle_cost", "machine": info, "results": results,
                             "target": {"cpu_pct": TARGET_CPU_PCT, "rss_mb": TARGET_RSS_MB}})


if __name__ == "__main__":
    b.run_main(main)
