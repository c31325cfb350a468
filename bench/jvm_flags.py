#!/usr/bin/env python3
"""The effect of each JVM option bin/circusd ships (bin/_jvm.sh), one left out at a time.

For each variant: --reps cold starts of --n `sleep` children (launch -> all alive, median; and
launch -> first child alive), the variants taken in turn so that a slow spell of the machine hits
them all alike; then one more run per variant for the idle cost after --settle s over --duration s
(CPU %, RSS, PSS, threads). Every run ends with SIGTERM and the check that no child is left.

Variants: the shipped defaults; the defaults without the class-data archive (CIRCUS_CDS=0);
the defaults without each option in turn (given through CIRCUS_JAVA_OPTS; each set of options gets
its own class-data archive, made before measuring); java with no option at all; and a few
candidates that are not shipped (--extra adds more: "name=options").
"""

import argparse
import os
import statistics
import subprocess
import time

import benchlib as b


def shipped_options():
    r = subprocess.run(["bash", "-c", 'source "$1/bin/_jvm.sh"; printf %s "$CIRCUS_DEFAULT_JAVA_OPTS"', "_",
                        str(b.PROJECT)], capture_output=True, text=True, check=True)
    return r.stdout.split()


def variants(defaults, extra):
    out = [("shipped (defaults + AppCDS)", None, {}),
           ("shipped without AppCDS", None, {"CIRCUS_CDS": "0"})]
    i = 0
    while i < len(defaults):
        flag = defaults[i]
        group = [flag]
        # -Xms and -Xmx go together (a heap that starts small and may grow)
        if flag.startswith("-Xms") and i + 1 < len(defaults) and defaults[i + 1].startswith("-Xmx"):
            group.append(defaults[i + 1])
        if flag.startswith("-XX:ReservedCodeCacheSize") and i + 1 < len(defaults) \
                and defaults[i + 1].startswith("-XX:MaxMetaspaceSize"):
            group.append(defaults[i + 1])
        rest = [f for f in defaults if f not in group]
        out.append(("without " + " ".join(group), " ".join(rest), {}))
        i += len(group)
    out.append(("java defaults (no option, no AppCDS)", "-Xshare:auto", {}))
    out.append(("shipped + MALLOC_ARENA_MAX=2 (not shipped)", None, {"MALLOC_ARENA_MAX": "2"}))
    out.append(("shipped + -Xms8m (not shipped)", " ".join(f if not f.startswith("-Xms") else "-Xms8m" for f in defaults), {}))
    for e in extra:
        name, _, opts = e.partition("=")
        out.append((name, opts, {}))
    return out


class Variant(b.CircusJvm):
    extra_env = {}

    def env(self):
        env = super().env()
        env.update(self.extra_env)
        return env


def prepare(opts, env_extra):
    saved = {k: os.environ.get(k) for k in env_extra}
    os.environ.update(env_extra)  # prepare() runs bin/circusd --version, which makes the archive
    try:
        b.CircusJvm.prepare(opts)
    finally:
        for k, v in saved.items():
            if v is None:
                os.environ.pop(k, None)
            else:
                os.environ[k] = v


def one_run(name, opts, env_extra, args, idle):
    """One cold start (returns launch->first and launch->all alive, s), and the idle cost if asked."""
    Variant.extra_env = env_extra
    for attempt in range(args.retries + 1):
        b.wait_quiet()
        wd = b.workdir("flags")
        watch = b.ChildWatch(args.method)
        d = Variant(wd, args.n, java_opts=opts)
        result = {}
        try:
            others = b.OthersCpu()
            pid = d.start()
            watch.attach(pid)
            t_all = watch.wait_alive(args.n, timeout=120, daemon=d)
            others_s = others.seconds()
            result["all"] = (t_all - d.launched_ns) / 1e9
            result["first"] = (min(watch.alive.values()) - d.launched_ns) / 1e9
            watch.close()
            if idle:
                time.sleep(args.settle)
                b.wait_quiet()
                ticks0, t0 = b.cpu_ticks(pid), time.monotonic()
                time.sleep(args.duration)
                ticks1, t1 = b.cpu_ticks(pid), time.monotonic()
                result.update({"cpu_pct": 100.0 * (ticks1 - ticks0) / b.CLK_TCK / (t1 - t0),
                               "rss_mb": b.status_kb(pid, "VmRSS") / 1024,
                               "pss_mb": (b.pss_kb(pid) or 0) / 1024, "threads": b.status_kb(pid, "Threads")})
            else:
                time.sleep(1.0)
            rc, _ = d.stop_checked()
            if rc != 0:
                raise b.BenchError(f"{name}: exit status {rc} after SIGTERM")
        finally:
            watch.close()
            d.kill_hard()
        time.sleep(0.5)
        if idle or others_s <= args.max_others:
            return result
        b.log(f"  {name}: other work used {others_s:.2f} s CPU during the start, run again")
    return result


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--n", type=int, default=1000, help="children (default 1000)")
    p.add_argument("--reps", type=int, default=5, help="cold starts per variant (default 5)")
    p.add_argument("--max-others", type=float, default=0.1,
                   help="a cold start during which other processes used more CPU seconds than this is run again")
    p.add_argument("--retries", type=int, default=3, help="at most this many times (default 3)")
    p.add_argument("--settle", type=float, default=10.0, help="seconds before the idle measurement (default 10)")
    p.add_argument("--duration", type=float, default=20.0, help="seconds of idle measurement (default 20)")
    p.add_argument("--only", help="run only the variants whose name contains this text")
    p.add_argument("--extra", action="append", default=[], help='another variant, "name=java options"')
    p.add_argument("--method", choices=("auto", "netlink", "poll"), default="auto")
    p.add_argument("--json", help="also write the results to this file")
    args = p.parse_args()

    b.setup_process()
    info = b.machine()
    b.print_machine(info)
    defaults = shipped_options()
    print(f"shipped options: {' '.join(defaults)}")
    chosen = [v for v in variants(defaults, args.extra) if not args.only or args.only in v[0]]
    for name, opts, env_extra in chosen:
        prepare(opts, env_extra)
    # Round-robin over the variants, so that a slow spell of the machine hits them all alike.
    runs = {v[0]: [] for v in chosen}
    for rep in range(args.reps):
        for name, opts, env_extra in chosen:
            r = one_run(name, opts, env_extra, args, idle=False)
            runs[name].append(r)
            b.log(f"  rep {rep + 1} {name}: first {r['first']:.3f} s, all {r['all']:.3f} s")
    results = []
    for name, opts, env_extra in chosen:
        r = one_run(name, opts, env_extra, args, idle=True)
        b.log(f"  idle {name}: {r}")
        results.append({"variant": name, "java_opts": opts, "env": env_extra,
                        "all_alive_s": statistics.median(x["all"] for x in runs[name]),
                        "first_alive_s": statistics.median(x["first"] for x in runs[name]),
                        "runs_s": [round(x["all"], 3) for x in runs[name]],
                        **{k: r[k] for k in ("cpu_pct", "rss_mb", "pss_mb", "threads")}})
    print()
    print(f"JVM options, one left out at a time: {args.n} children; cold start median of {args.reps}; "
          f"idle over {args.duration:.0f} s (CPU resolution {100.0 / b.CLK_TCK / args.duration:.3f} %)")
    rows = [[r["variant"], f"{r['first_alive_s']:.3f} s", f"{r['all_alive_s']:.3f} s", f"{r['cpu_pct']:.3f} %",
             f"{r['rss_mb']:.1f} MB", f"{r['pss_mb']:.1f} MB", r["threads"]] for r in results]
    b.table(rows, ["variant", "1st alive", "all alive", "idle CPU", "RSS", "PSS", "threads"])
    b.write_json(args.json, {"benchmark": "jvm_flags", "machine": info, "shipped": defaults, "results": results})


if __name__ == "__main__":
    b.run_main(main)
