"""Shared code of the benchmarks in bench/ (Python 3 standard library only, Linux only).

Starts a supervisor daemon (this project's bin/circusd, or Python Circus's circusd / supervisord
when they are on PATH) on a generated configuration in a temporary directory, watches its
children from outside, and stops it again. Nothing it starts outlives it:

* the benchmark process makes itself a child subreaper, so children orphaned by a dying daemon
  are re-parented to it and killed at exit;
* each daemon gets PR_SET_PDEATHSIG=SIGTERM, so it is told to stop even if the benchmark is
  killed with SIGKILL;
* SIGINT, SIGTERM and SIGHUP turn into an exception, so every ``finally`` and the final sweep run.

Children are seen "alive" once they have exec'd ``sleep`` (their comm is ``sleep``). Two ways:

* ``netlink`` (needs root or CAP_NET_ADMIN): the kernel's process-events connector reports each
  fork and exec with a CLOCK_MONOTONIC timestamp taken by the kernel, so times are exact to the
  microsecond and the benchmark does not poll (it does not steal CPU from the daemon);
* ``poll``: scans ``/proc/<daemon>/task/*/children`` and the new children's comm in a loop; the
  resolution is the time between two scans, which is reported.
"""

import atexit
import ctypes
import errno
import json
import os
import platform
import random
import select
import shutil
import signal
import socket
import statistics
import struct
import subprocess
import sys
import tempfile
import threading
import time
from collections import deque
from pathlib import Path

PROJECT = Path(__file__).resolve().parent.parent
CLK_TCK = os.sysconf("SC_CLK_TCK")
PAGE_KB = os.sysconf("SC_PAGE_SIZE") // 1024

PR_SET_PDEATHSIG = 1
PR_SET_CHILD_SUBREAPER = 36

_libc = ctypes.CDLL(None, use_errno=True)


class BenchError(Exception):
    """A benchmark cannot go on (missing prerequisite, daemon failed...)."""


def log(msg):
    print(msg, file=sys.stderr, flush=True)


# ----------------------------------------------------------------------------- /proc helpers

def children(pid):
    """Pids of the live children of ``pid`` (every thread's), [] when it is gone."""
    out = []
    try:
        tasks = os.listdir(f"/proc/{pid}/task")
    except OSError:
        return out
    for tid in tasks:
        try:
            with open(f"/proc/{pid}/task/{tid}/children") as f:
                out.extend(int(x) for x in f.read().split())
        except OSError:
            pass
    return out


def comm(pid):
    try:
        with open(f"/proc/{pid}/comm") as f:
            return f.read().rstrip("\n")
    except OSError:
        return None


def proc_state(pid):
    """The state letter of /proc/<pid>/stat (R, S, Z...), None when the pid is gone."""
    try:
        with open(f"/proc/{pid}/stat") as f:
            data = f.read()
    except OSError:
        return None
    return data[data.rindex(")") + 2]


def cpu_ticks(pid):
    """utime + stime of the process (all its threads, live and exited), in clock ticks."""
    with open(f"/proc/{pid}/stat") as f:
        data = f.read()
    fields = data[data.rindex(")") + 2:].split()
    return int(fields[11]) + int(fields[12])  # fields 14 and 15 of proc(5)


def status_kb(pid, key):
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            if line.startswith(key + ":"):
                return int(line.split()[1])
    return None


def pss_kb(pid):
    try:
        with open(f"/proc/{pid}/smaps_rollup") as f:
            for line in f:
                if line.startswith("Pss:"):
                    return int(line.split()[1])
    except OSError:
        return None
    return None


def live_sleep_children(pid):
    return [c for c in children(pid) if comm(c) == "sleep" and proc_state(c) not in (None, "Z")]


# ----------------------------------------------------------------------------- cleanup

_daemons = []


def _on_signal(signum, frame):
    raise KeyboardInterrupt(f"signal {signum}")


def setup_process():
    """Subreaper + signal handlers + final sweep. Call once at the start of a benchmark."""
    if sys.platform != "linux":
        raise BenchError("these benchmarks read /proc: Linux only")
    if _libc.prctl(PR_SET_CHILD_SUBREAPER, 1, 0, 0, 0) != 0:
        log("warning: cannot become a child subreaper; orphans of a crashed daemon may escape cleanup")
    for s in (signal.SIGINT, signal.SIGTERM, signal.SIGHUP):
        signal.signal(s, _on_signal)
    atexit.register(final_sweep)


def final_sweep():
    """Stops every daemon still running, then kills whatever is left among our descendants."""
    for d in list(_daemons):
        try:
            d.kill_hard()
        except Exception as e:  # noqa: BLE001 - best effort at exit
            log(f"cleanup: {e}")
    for _ in range(50):
        left = [c for c in _descendants(os.getpid())]
        if not left:
            break
        for c in left:
            try:
                os.kill(c, signal.SIGKILL)
            except OSError:
                pass
        _reap_all()
        time.sleep(0.02)
    _reap_all()


def _descendants(pid):
    out, todo = [], children(pid)
    while todo:
        c = todo.pop()
        if proc_state(c) in (None, "Z"):
            continue
        out.append(c)
        todo.extend(children(c))
    return out


def _reap_all():
    while True:
        try:
            pid, _ = os.waitpid(-1, os.WNOHANG)
        except ChildProcessError:
            return
        if pid == 0:
            return


def _pdeathsig():
    _libc.prctl(PR_SET_PDEATHSIG, signal.SIGTERM, 0, 0, 0)


def cpu_busy(interval=0.5):
    """Fraction of all CPUs busy (system-wide, from /proc/stat) over ``interval`` seconds."""
    def sample():
        with open("/proc/stat") as f:
            v = [int(x) for x in f.readline().split()[1:]]
        idle = v[3] + v[4]
        return sum(v[:8]) - idle, sum(v[:8])
    b0, t0 = sample()
    time.sleep(interval)
    b1, t1 = sample()
    return (b1 - b0) / max(1, t1 - t0)


def wait_quiet(max_busy=0.10, timeout=60.0):
    """Waits (at most timeout s) until the machine is nearly idle, so that other work does not
    skew a measurement; returns the busy fraction seen last (reported with the results)."""
    deadline = time.monotonic() + timeout
    busy = cpu_busy()
    while busy > max_busy and time.monotonic() < deadline:
        busy = cpu_busy()
    if busy > max_busy:
        log(f"warning: the machine is {busy:.0%} busy with other work; results will be skewed")
    return busy


def _system_busy_ticks():
    with open("/proc/stat") as f:
        v = [int(x) for x in f.readline().split()[1:]]
    return sum(v[:8]) - v[3] - v[4]


def _run_seconds(pid):
    """CPU time of a process: the sum of its threads' run time (schedstat, ns), which unlike the
    tick-sampled utime/stime also counts the short bursts of a child that execs; never less than
    utime + stime (which keeps the time of threads that exited)."""
    ns = 0
    try:
        for tid in os.listdir(f"/proc/{pid}/task"):
            try:
                with open(f"/proc/{pid}/task/{tid}/schedstat") as f:
                    ns += int(f.read().split()[0])
            except (OSError, ValueError, IndexError):
                pass
        return max(ns / 1e9, cpu_ticks(pid) / CLK_TCK)
    except (OSError, ValueError, IndexError):
        return ns / 1e9


def _tree_seconds(pid):
    """CPU seconds of pid and its live descendants."""
    return sum(_run_seconds(p) for p in [pid] + _descendants(pid))


class OthersCpu:
    """CPU that other work on the machine used during a measurement: system-wide busy time minus
    that of this benchmark, of the daemon and of its children. Short of an idle machine, this
    tells which runs were disturbed."""

    def __init__(self):
        self.busy0 = _system_busy_ticks()
        self.self0 = _tree_seconds(os.getpid())
        t = os.times()
        self.reaped0 = t.children_user + t.children_system

    def seconds(self):
        busy = (_system_busy_ticks() - self.busy0) / CLK_TCK
        ours = _tree_seconds(os.getpid()) - self.self0
        t = os.times()  # children we reaped meanwhile (a stopped daemon)
        reaped = t.children_user + t.children_system - self.reaped0
        return max(0.0, busy - ours - reaped)


def free_loopback_port():
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


# ----------------------------------------------------------------------------- daemons

class Daemon:
    """One run of a supervisor on a generated configuration: N ``sleep`` children."""

    key = "?"
    label = "?"

    def __init__(self, workdir, numprocesses, sleep_seconds=3600):
        self.workdir = Path(workdir)
        self.n = numprocesses
        self.sleep_seconds = sleep_seconds
        self.proc = None
        self.launched_ns = None
        self.output = self.workdir / f"{self.key}.out"
        self.config = self.workdir / f"{self.key}.conf"
        # Circus daemons: the command and events endpoints, on free loopback ports.
        self.endpoint = f"tcp://127.0.0.1:{free_loopback_port()}"
        self.pubsub_endpoint = f"tcp://127.0.0.1:{free_loopback_port()}"

    def endpoint_lines(self):
        return f"endpoint = {self.endpoint}\npubsub_endpoint = {self.pubsub_endpoint}\n"

    # subclasses: write_config(), argv(), env()
    def env(self):
        return dict(os.environ)

    def start(self):
        self.write_config()
        out = open(self.output, "wb")
        try:
            argv = self.argv()
            self.launched_ns = time.monotonic_ns()
            self.proc = subprocess.Popen(argv, cwd=self.workdir, stdin=subprocess.DEVNULL, stdout=out,
                                         stderr=subprocess.STDOUT, env=self.env(), preexec_fn=_pdeathsig,
                                         start_new_session=True)
        finally:
            out.close()
        _daemons.append(self)
        return self.proc.pid

    @property
    def pid(self):
        return self.proc.pid

    def running(self):
        return self.proc is not None and self.proc.poll() is None

    def tail(self, lines=15):
        try:
            text = self.output.read_text(errors="replace").splitlines()
        except OSError:
            return ""
        return "\n".join("    " + l for l in text[-lines:])

    def stop(self, timeout=60):
        """SIGTERM, wait; returns (exit status, seconds to stop, pids of children left behind)."""
        if self.proc is None:
            return None, 0.0, []
        if self.proc.poll() is not None:
            _daemons.remove(self)
            return self.proc.returncode, 0.0, self._orphans()
        kids = set(children(self.pid))
        t0 = time.monotonic()
        self.proc.send_signal(signal.SIGTERM)
        try:
            rc = self.proc.wait(timeout)
        except subprocess.TimeoutExpired:
            self.kill_hard()
            raise BenchError(f"{self.label} did not stop within {timeout} s of SIGTERM")
        took = time.monotonic() - t0
        _daemons.remove(self)
        left = [p for p in kids | set(self._orphans()) if proc_state(p) not in (None, "Z")]
        _reap_all()
        return rc, took, left

    def stop_checked(self):
        """stop(), failing the benchmark when children are left behind; returns (exit status, seconds)."""
        rc, took, left = self.stop()
        if left:
            raise BenchError(f"{self.label} left {len(left)} children after SIGTERM: {left[:10]}")
        return rc, took

    def _orphans(self):
        # As a subreaper, children the daemon left behind are now ours.
        return [c for c in children(os.getpid()) if proc_state(c) not in (None, "Z")]

    def kill_hard(self):
        if self.proc is None:
            return
        if self.proc.poll() is None:
            kids = children(self.pid)
            try:
                self.proc.send_signal(signal.SIGTERM)
                self.proc.wait(15)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
            for k in kids:
                try:
                    os.kill(k, signal.SIGKILL)
                except OSError:
                    pass
        if self in _daemons:
            _daemons.remove(self)


class CircusJvm(Daemon):
    key = "circus-jvm"
    label = "Circus for the JVM (bin/circusd)"

    def __init__(self, workdir, numprocesses, sleep_seconds=3600, java_opts=None):
        super().__init__(workdir, numprocesses, sleep_seconds)
        self.java_opts = java_opts

    @staticmethod
    def prepare(java_opts=None):
        """Builds the jar (and the class-data archive) outside of any measurement."""
        if shutil.which("java") is None:
            raise BenchError("java is not on PATH (JDK 17 needed)")
        env = dict(os.environ)
        if java_opts is not None:
            env["CIRCUS_JAVA_OPTS"] = java_opts
        r = subprocess.run([str(PROJECT / "bin" / "circusd"), "--version"], env=env, capture_output=True, text=True)
        if r.returncode != 0 or not (PROJECT / "target" / "circus.jar").is_file():
            raise BenchError("bin/circusd --version failed (is Maven installed?):\n" + r.stdout + r.stderr)
        return r.stdout.strip()

    def env(self):
        env = dict(os.environ)
        if self.java_opts is not None:
            env["CIRCUS_JAVA_OPTS"] = self.java_opts
        return env

    def write_config(self):
        self.config.write_text(
            f"[circus]\n{self.endpoint_lines()}check_delay = 5\n\n"
            f"[watcher:sleepers]\ncmd = sleep {self.sleep_seconds}\nnumprocesses = {self.n}\n")

    def argv(self):
        return [str(PROJECT / "bin" / "circusd"), str(self.config)]


class CircusPython(Daemon):
    key = "circus-python"
    label = "Python Circus (circusd)"
    program = None

    @classmethod
    def find(cls, explicit=None):
        cls.program = explicit or shutil.which("circusd")
        return cls.program

    @classmethod
    def version(cls):
        r = subprocess.run([cls.program, "--version"], capture_output=True, text=True)
        return (r.stdout + r.stderr).strip().splitlines()[-1] if r.returncode == 0 else "?"

    def write_config(self):
        # Every endpoint on a free loopback port; no UDP multicast discovery, no stats, no web.
        self.config.write_text(
            f"[circus]\n{self.endpoint_lines()}"
            "multicast_endpoint =\n"
            "statsd = False\nhttpd = False\ncheck_delay = 5\n\n"
            f"[watcher:sleepers]\ncmd = sleep {self.sleep_seconds}\nnumprocesses = {self.n}\n")

    def argv(self):
        return [self.program, str(self.config)]


class Supervisord(Daemon):
    key = "supervisord"
    label = "supervisord"
    program = None

    @classmethod
    def find(cls, explicit=None):
        cls.program = explicit or shutil.which("supervisord")
        return cls.program

    @classmethod
    def version(cls):
        r = subprocess.run([cls.program, "--version"], capture_output=True, text=True)
        return (r.stdout + r.stderr).strip() if r.returncode == 0 else "?"

    def write_config(self):
        # No [unix_http_server] nor [inet_http_server]: supervisord listens on nothing. Child output
        # is discarded (NONE) rather than logged to 2 files per process; startsecs = 0 so that a
        # child killed soon after its start is restarted at once rather than counted as a failed start.
        w = self.workdir
        self.config.write_text(
            "[supervisord]\nnodaemon = true\n"
            f"logfile = {w}/supervisord.log\npidfile = {w}/supervisord.pid\nchildlogdir = {w}\n"
            f"minfds = {max(1024, 4 * self.n + 64)}\nloglevel = info\n\n"
            "[program:sleepers]\n"
            f"command = sleep {self.sleep_seconds}\nnumprocs = {self.n}\n"
            "process_name = %(program_name)s_%(process_num)d\n"
            "autostart = true\nautorestart = true\nstartsecs = 0\n"
            "stdout_logfile = NONE\nstderr_logfile = NONE\n")

    def argv(self):
        return [self.program, "-n", "-c", str(self.config)]


def select_daemons(args):
    """The daemons to run: ours always; the baselines when found (or required with --baselines=...)."""
    chosen = [CircusJvm]
    wanted = args.baselines
    found = {"circus-python": CircusPython.find(args.circusd), "supervisord": Supervisord.find(args.supervisord)}
    for key, cls in (("circus-python", CircusPython), ("supervisord", Supervisord)):
        if wanted == "none":
            continue
        if found[key]:
            chosen.append(cls)
        elif wanted == "all":
            raise BenchError(f"{cls.label} not found on PATH; install it ("
                             + ("pip install circus==0.19.0" if key == "circus-python" else "apt-get install supervisor")
                             + ") or pass --baselines=auto")
        else:
            log(f"note: {cls.label} not found on PATH, no baseline from it ("
                + ("pip install circus==0.19.0" if key == "circus-python" else "apt-get install supervisor")
                + " to compare)")
    return chosen


def add_fleet_args(parser, duration):
    """--n, --settle and --duration of the benchmarks that measure a daemon at rest with N children."""
    parser.add_argument("--n", type=int, default=1000, help="children (default 1000)")
    parser.add_argument("--settle", type=float, default=10.0,
                        help="seconds after all are alive before measuring (default 10)")
    parser.add_argument("--duration", type=float, default=duration,
                        help=f"seconds of measurement (default {duration:.0f})")


def add_common_args(parser):
    parser.add_argument("--baselines", choices=("auto", "all", "none"), default="auto",
                        help="auto: compare with Python Circus / supervisord when found on PATH (default); "
                             "all: require both; none: this project only")
    parser.add_argument("--circusd", help="Python Circus's circusd program (default: circusd on PATH)")
    parser.add_argument("--supervisord", help="supervisord program (default: supervisord on PATH)")
    parser.add_argument("--method", choices=("auto", "netlink", "poll"), default="auto",
                        help="how children are seen alive: kernel process events (root) or polling /proc")
    parser.add_argument("--json", help="also write the results to this file")


# ----------------------------------------------------------------------------- seeing children alive

PROC_EVENT_FORK = 0x00000001
PROC_EVENT_EXEC = 0x00000002
PROC_EVENT_EXIT = 0x80000000
NETLINK_CONNECTOR = 11
CN_IDX_PROC = 1
CN_VAL_PROC = 1
PROC_CN_MCAST_LISTEN = 1
PROC_CN_MCAST_IGNORE = 2
SO_RCVBUFFORCE = 33


class NetlinkEvents:
    """The kernel's process events (fork, exec, exit), read by a thread into a queue.

    Exec events carry the comm read from /proc right when the event was read (the process may be
    gone by then: comm None). Timestamps are the kernel's, CLOCK_MONOTONIC nanoseconds.
    """

    resolution = "kernel event timestamps (proc connector), < 0.01 ms"

    def __init__(self):
        self.sock = socket.socket(socket.AF_NETLINK, socket.SOCK_DGRAM, NETLINK_CONNECTOR)
        try:
            self.sock.setsockopt(socket.SOL_SOCKET, SO_RCVBUFFORCE, 64 << 20)
        except OSError:
            self.sock.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 8 << 20)
        self.sock.bind((0, CN_IDX_PROC))
        self._control(PROC_CN_MCAST_LISTEN)
        self.queue = deque()
        self.cond = threading.Condition()
        self.overflow = False
        self.closed = False
        self.thread = threading.Thread(target=self._run, name="proc-events", daemon=True)
        self.thread.start()

    def _control(self, op):
        payload = struct.pack("=I", op)
        cn = struct.pack("=IIIIHH", CN_IDX_PROC, CN_VAL_PROC, 0, 0, len(payload), 0) + payload
        self.sock.send(struct.pack("=IHHII", 16 + len(cn), 3, 0, 0, 0) + cn)  # NLMSG_DONE

    @staticmethod
    def available():
        try:
            NetlinkEvents().close()
            return True
        except OSError:
            return False

    def _run(self):
        while not self.closed:
            try:
                data = self.sock.recv(65536)
            except OSError as e:
                if e.errno == errno.ENOBUFS:
                    self.overflow = True
                    continue
                return
            off = 0
            batch = []
            while off + 16 <= len(data):
                nl_len = struct.unpack_from("=I", data, off)[0]
                if nl_len < 16:
                    break
                base = off + 16 + 20  # nlmsghdr + cn_msg
                if base + 16 <= off + nl_len:
                    what, _cpu, ts = struct.unpack_from("=IIQ", data, base)
                    d = base + 16
                    if what == PROC_EVENT_FORK:
                        ppid, ptgid, cpid, ctgid = struct.unpack_from("=iiii", data, d)
                        if cpid == ctgid:  # a new process, not a thread
                            batch.append((what, ts, ctgid, ptgid, None))
                    elif what == PROC_EVENT_EXEC:
                        pid, tgid = struct.unpack_from("=ii", data, d)
                        batch.append((what, ts, tgid, None, comm(tgid)))
                    elif what == PROC_EVENT_EXIT:
                        pid, tgid = struct.unpack_from("=ii", data, d)
                        if pid == tgid:
                            batch.append((what, ts, tgid, None, None))
                off += (nl_len + 3) & ~3
            if batch:
                with self.cond:
                    self.queue.extend(batch)
                    self.cond.notify_all()

    def get(self, timeout):
        """Next event or None after timeout seconds."""
        with self.cond:
            if not self.queue:
                self.cond.wait(timeout)
            return self.queue.popleft() if self.queue else None

    def close(self):
        self.closed = True
        try:
            self._control(PROC_CN_MCAST_IGNORE)
        except OSError:
            pass
        self.sock.close()


class ChildWatch:
    """Tracks the children of one daemon that are alive (have exec'd sleep), with the time each was
    first seen so. Create it before starting the daemon, then call attach(pid)."""

    def __init__(self, method):
        if method == "auto":
            method = "netlink" if NetlinkEvents.available() else "poll"
        self.method = method
        self.events = NetlinkEvents() if method == "netlink" else None
        self.daemon_pid = None
        self.forked = {}     # netlink: child pid -> fork timestamp, for forks by the daemon
        self._pending = []   # netlink: events seen before attach()
        self.alive = {}      # pid -> monotonic ns when seen alive
        self.exited = {}     # pid -> monotonic ns of its exit (netlink only)
        self.scan_ns = []    # poll: duration of each scan

    @property
    def resolution(self):
        if self.method == "netlink":
            return NetlinkEvents.resolution
        if not self.scan_ns:
            return "polling /proc"
        return f"polling /proc, median scan {statistics.median(self.scan_ns) / 1e6:.2f} ms"

    def attach(self, pid):
        self.daemon_pid = pid
        for ev in self._pending:
            self._handle(ev)
        self._pending = []

    def _handle(self, ev):
        what, ts, pid, ppid, name = ev
        if self.daemon_pid is None:
            self._pending.append(ev)
            return
        if what == PROC_EVENT_FORK:
            if ppid == self.daemon_pid:
                self.forked[pid] = ts
        elif what == PROC_EVENT_EXEC:
            if pid in self.forked and name == "sleep" and pid not in self.alive:
                self.alive[pid] = ts
        elif what == PROC_EVENT_EXIT:
            if pid in self.forked:
                self.exited[pid] = ts
                self.forked.pop(pid, None)
                self.alive.pop(pid, None)

    def _scan(self):
        t0 = time.monotonic_ns()
        kids = children(self.daemon_pid)
        now = set()
        for c in kids:
            if c in self.alive:
                now.add(c)
            elif comm(c) == "sleep":
                now.add(c)
                self.alive[c] = t0
        for gone in set(self.alive) - now:
            if proc_state(gone) in (None, "Z"):
                del self.alive[gone]
        self.scan_ns.append(time.monotonic_ns() - t0)

    def update(self, timeout):
        """Takes in what happened; waits at most timeout seconds for something new (netlink) or
        sleeps that long after a scan (poll; 0 for a tight loop)."""
        if self.events is not None:
            ev = self.events.get(timeout)
            while ev is not None:
                self._handle(ev)
                ev = self.events.get(0) if self.events.queue else None
            if self.events.overflow:
                raise BenchError("the kernel dropped process events (netlink overflow); rerun with --method poll")
        else:
            self._scan()
            if timeout > 0:
                time.sleep(timeout)

    def wait_alive(self, count, timeout, daemon=None):
        """Waits until ``count`` children are alive; returns the monotonic ns when the last one was."""
        deadline = time.monotonic() + timeout
        while len(self.alive) < count:
            if time.monotonic() > deadline:
                raise BenchError(f"only {len(self.alive)} of {count} children alive after {timeout} s")
            if daemon is not None and not daemon.running():
                raise BenchError(f"{daemon.label} exited with status {daemon.proc.returncode}:\n{daemon.tail()}")
            self.update(0.05 if self.method == "netlink" else 0.001)
        return sorted(self.alive.values())[count - 1]

    def wait_alive_at_most(self, count, timeout, daemon=None):
        """Waits until at most ``count`` children are alive; returns the monotonic ns of the last
        exit that got there (kernel time with netlink, the scan's time when polling)."""
        deadline = time.monotonic() + timeout
        while len(self.alive) > count:
            if time.monotonic() > deadline:
                raise BenchError(f"still {len(self.alive)} children alive (waiting for {count}) after {timeout} s")
            if daemon is not None and not daemon.running():
                raise BenchError(f"{daemon.label} exited with status {daemon.proc.returncode}:\n{daemon.tail()}")
            self.update(0.05 if self.method == "netlink" else 0.001)
        if self.method == "netlink" and self.exited:
            return max(self.exited.values())
        return time.monotonic_ns()

    def close(self):
        if self.events is not None:
            self.events.close()


# ----------------------------------------------------------------------------- reporting

def percentile(values, p):
    """Nearest-rank percentile."""
    s = sorted(values)
    if not s:
        return float("nan")
    k = max(0, min(len(s) - 1, -(-len(s) * p // 100) - 1))
    return s[int(k)]


def machine():
    info = {"cpu": "?", "cores": os.cpu_count(), "ram_gb": None, "kernel": platform.release()}
    try:
        with open("/proc/cpuinfo") as f:
            for line in f:
                if line.startswith("model name"):
                    info["cpu"] = line.split(":", 1)[1].strip()
                    break
        with open("/proc/meminfo") as f:
            info["ram_gb"] = round(int(f.readline().split()[1]) / 1024 / 1024, 1)
    except OSError:
        pass
    try:
        r = subprocess.run(["java", "-version"], capture_output=True, text=True)
        info["java"] = r.stderr.splitlines()[1] if len(r.stderr.splitlines()) > 1 else r.stderr.strip()
    except OSError:
        info["java"] = None
    info["python"] = platform.python_version()
    return info


def print_machine(info):
    print(f"machine: {info['cpu']}, {info['cores']} cores, {info['ram_gb']} GB RAM, "
          f"Linux {info['kernel']}, {info.get('java')}")


def table(rows, headers):
    widths = [max(len(str(h)), *(len(str(r[i])) for r in rows)) for i, h in enumerate(headers)]
    line = "  ".join(str(h).ljust(w) for h, w in zip(headers, widths))
    print(line)
    print("  ".join("-" * w for w in widths))
    for r in rows:
        print("  ".join(str(c).ljust(w) for c, w in zip(r, widths)))


def write_json(path, payload):
    if path:
        Path(path).write_text(json.dumps(payload, indent=2) + "\n")


def workdir(prefix):
    return tempfile.mkdtemp(prefix=f"circus-bench-{prefix}-")


def rng(seed):
    return random.Random(seed)


def fd_ready(fd, timeout):
    r, _, _ = select.select([fd], [], [], timeout)
    return bool(r)


def begin(args):
    """The start every benchmark shares: cleanup handlers, the daemons to compare, the machine
    described, this project built; returns (daemon classes, machine info)."""
    setup_process()
    daemons = select_daemons(args)
    info = machine()
    print_machine(info)
    log(f"circus-jvm: {CircusJvm.prepare()}")
    return daemons, info


def run_main(main):
    """Runs a benchmark's main: a BenchError or an interruption ends it with a message and a
    non-zero status (cleanup runs at exit)."""
    try:
        main()
    except BenchError as e:
        log(f"error: {e}")
        sys.exit(1)
    except KeyboardInterrupt:
        log("interrupted; cleaning up")
        sys.exit(130)
