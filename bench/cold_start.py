#!/usr/bin/env python3
"""Cold start: time from launching the daemon until all N `sleep` children are alive.

For each N (default 1, 100 and 1000) and each daemon, runs --reps times (after --warmup runs that
are not counted): launches the daemon on a configuration of one watcher of N `sleep` processes,
waits until N children of the daemon have exec'd sleep, then stops it with SIGTERM and checks that
it exited and left no child behind. Reports the median (and min/max) per N.

For this project the clock starts at the exec of bin/circusd with the jar (and its class-data
archive) already built: bin/circusd's own checks, the JVM start, reading the configuration and
the spawns are all counted.

Target: 1000 children alive in at most 0.8 s from launch.
"""

import argparse
import statistics
import time

import benchlib as b

TARGET_N = 1000
TARGET_S = 0.8


def one_run(cls, n, method, settle):
    b.wait_quiet()
    wd = b.workdir("cold")
    watch = b.ChildWatch(method)
    d = cls(wd, n)
    try:
        others = b.OthersCpu()
        pid = d.start()
        watch.attach(pid)
        t_all = watch.wait_alive(n, timeout=120, daemon=d)
        elapsed = (t_all - d.launched_ns) / 1e9
        others_s = others.seconds()
        time.sleep(settle)  # a daemon told to stop while it is still starting up is another test
        rc, stop_s = d.stop_checked()
        return elapsed, rc, stop_s, watch.resolution, others_s
    finally:
        watch.close()
        d.kill_hard()


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--n", default="1,100,1000", help="numbers of children, comma-separated (default 1,100,1000)")
    p.add_argument("--reps", type=int, default=5, help="measured runs per N and daemon (default 5)")
    p.add_argument("--warmup", type=int, default=1, help="runs before, not counted (default 1)")
    p.add_argument("--pause", type=float, default=1.0, help="seconds between runs (default 1)")
    p.add_argument("--max-others", type=float, default=0.1,
                   help="a run during which other processes used more CPU seconds than this is run again (default 0.1)")
    p.add_argument("--retries", type=int, default=5, help="at most this many disturbed runs are run again (default 5)")
    p.add_argument("--settle", type=float, default=1.0, help="seconds between all alive and SIGTERM (default 1)")
    b.add_common_args(p)
    args = p.parse_args()
    sizes = [int(x) for x in args.n.split(",")]

    daemons, info = b.begin(args)
    results = []
    for n in sizes:
        for cls in daemons:
            times, stops, others = [], [], []
            resolution = None
            discarded = 0
            i = 0
            while i < args.warmup + args.reps:
                elapsed, rc, stop_s, resolution, others_s = one_run(cls, n, args.method, args.settle)
                counted = i >= args.warmup
                disturbed = counted and others_s > args.max_others and discarded < args.retries
                b.log(f"  {cls.key:14} N={n:<5} run {i + 1}: {elapsed:.3f} s"
                      f"{'' if counted else ' (warm-up)'}; stopped in {stop_s:.2f} s, exit {rc}; "
                      f"other work on the machine meanwhile: {others_s:.2f} s CPU"
                      f"{' -> discarded, run again' if disturbed else ''}")
                if disturbed:
                    discarded += 1
                else:
                    i += 1
                    if counted:
                        times.append(elapsed)
                        stops.append(stop_s)
                        others.append(others_s)
                if cls is b.CircusJvm and rc != 0:
                    raise b.BenchError(f"bin/circusd exited with {rc} after SIGTERM")
                time.sleep(args.pause)
            results.append({"daemon": cls.key, "n": n, "runs_s": times, "median_s": statistics.median(times),
                            "min_s": min(times), "max_s": max(times), "stop_median_s": statistics.median(stops),
                            "resolution": resolution, "others_cpu_s": [round(x, 3) for x in others],
                            "discarded_disturbed_runs": discarded})
    print()
    print(f"Cold start: launch -> all N children alive (exec'd sleep); median of {args.reps} runs "
          f"[min-max]; measured by {results[0]['resolution']}")
    rows = []
    for r in results:
        target = ""
        if r["daemon"] == "circus-jvm" and r["n"] == TARGET_N:
            target = f"<= {TARGET_S} s: {'met' if r['median_s'] <= TARGET_S else 'MISSED'}"
        rows.append([r["daemon"], r["n"], f"{r['median_s']:.3f} s", f"[{r['min_s']:.3f}-{r['max_s']:.3f}]",
                     f"{r['stop_median_s']:.2f} s", f"{max(r['others_cpu_s']):.2f} s", target])
    b.table(rows, ["daemon", "N", "median", "range", "SIGTERM->exit", "others' CPU (max)", "target"])
    b.write_json(args.json, {"benchmark": "cold_start", "machine": info, "results": results,
                             "target": {"n": TARGET_N, "seconds": TARGET_S}})


if __name__ == "__main__":
    b.run_main(main)
