#!/usr/bin/env python3
"""Streams: one child writing to its stdout as fast as it can, captured into a file by the
supervisor (this project's FileStream, Python Circus's FileStream, supervisord's stdout_logfile),
next to the raw limit: the same writer redirected straight to a file, in the same run.

The writer (python3, os.write of 64 KiB blocks of 100-byte lines) writes --size-mb MB and exits.
The file is watched from outside: the rate is taken from the first byte in the file to the last
(so the daemon's start-up is not counted), the daemon's CPU over the same span (its own process,
not the writer's). Reported: MB/s into the file (MB = 10^6 bytes), its share of the raw rate, and
daemon CPU seconds per GB. Each set-up runs --rounds times; the median is reported.

Target (issue "Output streams"): >= 80 % of raw and <= 1 CPU-s/GB for bin/circusd.
"""

import argparse
import os
import statistics
import subprocess
import sys
import time

import benchlib as b

TARGET_SHARE = 0.80
TARGET_CPU_PER_GB = 1.0
LINE = 100
WRITER = f"""
import os, sys
line = b"x" * {LINE - 1} + b"\\n"
block = line * (65536 // {LINE})
left = int(sys.argv[1])
while left > 0:
    chunk = block if left >= len(block) else block[:left]
    written = os.write(1, chunk)
    left -= written
"""


def writer_argv(size):
    return ["/usr/bin/python3", "-c", WRITER, str(size)]


def writer_cmd(size):
    # One line for the INI files: the program reads its script from a file next to the config.
    return f"/usr/bin/python3 writer.py {size}"


class Capture:
    """A daemon running the writer once, its stdout captured into <key>.capture."""

    def __init__(self, workdir, size):
        super().__init__(workdir, 1)
        self.size = size

    @property
    def log_file(self):
        return self.workdir / f"{self.key}.capture"

    def write_config(self):
        (self.workdir / "writer.py").write_text(WRITER)
        self.config.write_text(self.config_text())

    def circus_watcher(self):
        """The watcher section, the same for both Circus daemons."""
        return (f"[watcher:writer]\ncmd = {writer_cmd(self.size)}\nworking_dir = {self.workdir}\nrespawn = False\n"
                f"stdout_stream.class = FileStream\nstdout_stream.filename = {self.log_file}\n")


class JvmCapture(Capture, b.CircusJvm):
    def config_text(self):
        return f"[circus]\n{self.endpoint_lines()}\n{self.circus_watcher()}"


class PythonCapture(Capture, b.CircusPython):
    def config_text(self):
        return (f"[circus]\n{self.endpoint_lines()}multicast_endpoint =\nstatsd = False\nhttpd = False\n\n"
                f"{self.circus_watcher()}")


class SupervisordCapture(Capture, b.Supervisord):
    def config_text(self):
        w = self.workdir
        return ("[supervisord]\nnodaemon = true\n"
                f"logfile = {w}/supervisord.log\npidfile = {w}/supervisord.pid\nchildlogdir = {w}\nloglevel = info\n\n"
                f"[program:writer]\ncommand = {writer_cmd(self.size)}\ndirectory = {w}\n"
                "autostart = true\nautorestart = false\nstartsecs = 0\n"
                f"stdout_logfile = {self.log_file}\nstdout_logfile_maxbytes = 0\nstderr_logfile = NONE\n")


def file_size(path):
    try:
        return os.stat(path).st_size
    except FileNotFoundError:
        return -1


def raw(workdir, size):
    """The writer redirected straight to a file: MB/s."""
    path = os.path.join(workdir, "raw.log")
    with open(path, "wb") as out:
        t0 = time.monotonic()
        subprocess.run(writer_argv(size), stdout=out, check=True)
        took = time.monotonic() - t0
    if file_size(path) != size:
        raise b.BenchError(f"raw run wrote {file_size(path)} bytes, not {size}")
    os.unlink(path)
    return {"mb_per_s": size / 1e6 / took, "seconds": took}


def captured(cls, workdir, size, timeout):
    d = cls(workdir, size)
    d.start()
    try:
        deadline = time.monotonic() + timeout
        while file_size(d.log_file) <= 0:
            if not d.running() or time.monotonic() > deadline:
                raise b.BenchError(f"{d.label}: nothing captured\n{d.tail()}")
            time.sleep(0.005)
        t0, size0, cpu0 = time.monotonic(), file_size(d.log_file), b._run_seconds(d.pid)
        while file_size(d.log_file) < size:
            if time.monotonic() > deadline:
                raise b.BenchError(f"{d.label}: {file_size(d.log_file)} of {size} bytes after {timeout} s\n{d.tail()}")
            time.sleep(0.01)
        t1, cpu1 = time.monotonic(), b._run_seconds(d.pid)
        final = file_size(d.log_file)
    finally:
        d.stop()
    if final != size:
        raise b.BenchError(f"{d.label}: the file holds {final} bytes, the writer wrote {size}")
    os.unlink(d.log_file)
    moved = size - size0
    return {"mb_per_s": moved / 1e6 / (t1 - t0), "cpu_s_per_gb": (cpu1 - cpu0) / (moved / 1e9), "seconds": t1 - t0}


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    b.add_common_args(p)
    p.add_argument("--size-mb", type=int, default=1024, help="MB the writer writes per run (default 1024)")
    p.add_argument("--rounds", type=int, default=3)
    p.add_argument("--timeout", type=float, default=300, help="seconds a captured run may take")
    args = p.parse_args()
    size = args.size_mb * 1_000_000 // LINE * LINE

    daemons, info = b.begin(args)
    captures = {b.CircusJvm: JvmCapture, b.CircusPython: PythonCapture, b.Supervisord: SupervisordCapture}
    wd = b.workdir("streams")
    results = {"raw": []}
    for _ in range(args.rounds):
        results["raw"].append(raw(wd, size))
        for cls in daemons:
            b.wait_quiet()
            results.setdefault(cls.key, []).append(captured(captures[cls], wd, size, args.timeout))

    raw_rate = statistics.median(r["mb_per_s"] for r in results["raw"])
    rows = [["raw (writer > file)", f"{raw_rate:.0f}", "100 %", "-"]]
    summary = {"raw_mb_per_s": raw_rate}
    for cls in daemons:
        runs = results[cls.key]
        rate = statistics.median(r["mb_per_s"] for r in runs)
        cpu = statistics.median(r["cpu_s_per_gb"] for r in runs)
        rows.append([cls.label, f"{rate:.0f}", f"{100 * rate / raw_rate:.0f} %", f"{cpu:.2f}"])
        summary[cls.key] = {"mb_per_s": rate, "share_of_raw": rate / raw_rate, "cpu_s_per_gb": cpu}
    print(f"\none writer, {size / 1e6:.0f} MB of 100-byte lines, median of {args.rounds} rounds")
    b.table(rows, ["set-up", "MB/s", "of raw", "daemon CPU-s/GB"])
    ours = summary[b.CircusJvm.key]
    met = ours["share_of_raw"] >= TARGET_SHARE and ours["cpu_s_per_gb"] <= TARGET_CPU_PER_GB
    print(f"target >= {TARGET_SHARE:.0%} of raw and <= {TARGET_CPU_PER_GB} CPU-s/GB: {'met' if met else 'missed'}")
    b.write_json(args.json, {"machine": info, "args": vars(args), "summary": summary, "runs": results})


if __name__ == "__main__":
    b.run_main(main)
