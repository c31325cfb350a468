package io.circus.stats;

import io.circus.arbiter.EpochTime;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import oshi.SystemInfo;
import oshi.software.common.os.linux.LinuxOperatingSystem;
import oshi.software.os.linux.LinuxOperatingSystemJNA;
import oshi.util.UserGroupInfo;

/**
 * Reads Circus's process record (SPEC.md §3.10) of a pid: memory, CPU percentage since the
 * previous sample of that pid (0.0 the first time), CPU time, owner, nice, command, start time,
 * age since that start, and, on request, the records of its direct children.
 *
 * <p>Cost matters: the stats stream samples every process every second. A pid gets a handle the
 * first time it is sampled; each later sample reads only {@code /proc/PID/stat} (about 10 µs,
 * where a fresh OSHI {@code OSProcess} reads five files and costs about 70 µs). The figures that
 * seldom change, the command and the user, are read again when the process execs another program
 * (the kernel's name for it changes) and otherwise every {@value #REFRESH_EVERY} samples. OSHI
 * gives the machine's facts: total memory, boot time, clock ticks, page size, user names.
 *
 * <p>Reads /proc: blocking, call it off the event loops. Thread-safe.
 */
public final class ProcessSampler {

  /** Samples between two readings of a process's command line and user. */
  private static final int REFRESH_EVERY = 60;
  private static final long SWEEP_INTERVAL_NANOS = 60_000_000_000L;
  private static final String UNAVAILABLE = "N/A";

  private final long totalMemory;
  private final long clockTicks = LinuxOperatingSystemJNA.hz();
  private final long pageSize = LinuxOperatingSystemJNA.pageSize();
  private final long bootTime = LinuxOperatingSystem.getBootTime();
  private final Map<Integer, Handle> handles = new ConcurrentHashMap<>();
  private final Map<Integer, String> userNames = new ConcurrentHashMap<>();
  private volatile long lastSweep = System.nanoTime();

  public ProcessSampler() {
    this.totalMemory = new SystemInfo().getHardware().getMemory().getTotal();
  }

  /** The record of {@code pid} with the records of its direct children, or empty when it is gone. */
  public Optional<JsonObject> sample(int pid) {
    return record(pid).map(info -> info.put("children", childrenOf(pid)));
  }

  /** The record of {@code pid} with an empty list of children, or empty when it is gone. */
  public Optional<JsonObject> sampleAlone(int pid) {
    return record(pid).map(info -> info.put("children", new JsonArray()));
  }

  private Optional<JsonObject> record(int pid) {
    sweepGone(System.nanoTime());
    Optional<ProcStat> stat = ProcStat.read(pid);
    long now = System.nanoTime(); // when the CPU time was read: the percentage's time base
    if (stat.isEmpty()) {
      handles.remove(pid);
      return Optional.empty();
    }
    Handle handle = handles.compute(pid, (p, known) -> known != null && known.startTicks == stat.get().startTicks()
        ? known : new Handle(pid, stat.get().startTicks()));
    return Optional.of(handle.record(stat.get(), now));
  }

  /** Once a minute, drops the handles of processes that are gone (or whose pid now names another). */
  private void sweepGone(long now) {
    if (now - lastSweep < SWEEP_INTERVAL_NANOS) {
      return;
    }
    lastSweep = now;
    handles.values().removeIf(handle -> ProcStat.read(handle.pid).map(s -> s.startTicks() != handle.startTicks).orElse(true));
  }

  private JsonArray childrenOf(int pid) {
    JsonArray children = new JsonArray();
    for (int child : ProcChildren.of(pid)) {
      record(child).ifPresent(info -> children.add(info.put("children", new JsonArray())));
    }
    return children;
  }

  private String userName(int uid) {
    return userNames.computeIfAbsent(uid, id -> {
      String name = UserGroupInfo.getUser(Integer.toString(id));
      return name == null || name.equals("unknown") ? Integer.toString(id) : name; // as psutil says it
    });
  }

  /** What is kept of one process between samples. */
  private final class Handle {
    private final int pid;
    private final long startTicks;
    private String comm;
    private String command = UNAVAILABLE;
    private Object user = UNAVAILABLE;
    private int samplesSinceRefresh;
    private long previousCpuTicks = -1;
    private long previousNanos;

    Handle(int pid, long startTicks) {
      this.pid = pid;
      this.startTicks = startTicks;
    }

    /** The record, in Circus's key order, from this reading of the stat and what was kept. */
    synchronized JsonObject record(ProcStat stat, long nanos) {
      if (!stat.comm().equals(comm) || samplesSinceRefresh >= REFRESH_EVERY) {
        refresh(stat.comm());
      }
      samplesSinceRefresh++;
      double cpu = previousCpuTicks < 0 || nanos == previousNanos ? 0.0
          : HumanFormat.round(100.0 * (stat.cpuTicks() - previousCpuTicks) / clockTicks / ((nanos - previousNanos) / 1e9), 1);
      previousCpuTicks = stat.cpuTicks();
      previousNanos = nanos;
      long resident = stat.residentPages() * pageSize;
      double created = HumanFormat.round(bootTime + (double) stat.startTicks() / clockTicks, 2);
      return new JsonObject()
          .put("mem_info1", HumanFormat.bytes(resident))
          .put("mem_info2", HumanFormat.bytes(stat.virtualBytes()))
          .put("cpu", cpu)
          .put("mem", HumanFormat.round(100.0 * resident / totalMemory, 3))
          .put("ctime", HumanFormat.cpuTime(stat.cpuTicks() * 1_000_000 / clockTicks))
          .put("pid", pid)
          .put("username", user)
          .put("nice", stat.nice())
          .put("create_time", created)
          .put("age", EpochTime.now() - created)
          .put("cmdline", command);
    }

    private void refresh(String newComm) {
      comm = newComm;
      samplesSinceRefresh = 0;
      command = commandName(pid);
      user = realUid(pid).<Object>map(ProcessSampler.this::userName).orElse(UNAVAILABLE);
    }
  }

  /** The base name of argv[0] (its first word, as Circus splits it), or N/A (a zombie has none). */
  private static String commandName(int pid) {
    try {
      byte[] cmdline = Files.readAllBytes(Path.of("/proc", Integer.toString(pid), "cmdline"));
      int end = 0;
      while (end < cmdline.length && cmdline[end] != 0) {
        end++;
      }
      String first = new String(cmdline, 0, end, StandardCharsets.UTF_8).strip().split("\\s+", 2)[0];
      return first.isEmpty() ? UNAVAILABLE : Path.of(first).getFileName().toString();
    } catch (IOException | RuntimeException gone) {
      return UNAVAILABLE;
    }
  }

  /** The real uid, from the "Uid:" line of /proc/PID/status. */
  private static Optional<Integer> realUid(int pid) {
    try {
      for (String line : Files.readAllLines(Path.of("/proc", Integer.toString(pid), "status"))) {
        if (line.startsWith("Uid:")) {
          return Optional.of(Integer.parseInt(line.substring(4).strip().split("\\s+")[0]));
        }
      }
    } catch (IOException | RuntimeException gone) {
      return Optional.empty();
    }
    return Optional.empty();
  }

  /** Direct children of a pid, from /proc/PID/task/TID/children. */
  static final class ProcChildren {
    private ProcChildren() {
    }

    static List<Integer> of(int pid) {
      List<Integer> children = new ArrayList<>();
      try (DirectoryStream<Path> tasks = Files.newDirectoryStream(Path.of("/proc", Integer.toString(pid), "task"))) {
        for (Path task : tasks) {
          String text = Files.readString(task.resolve("children")).strip();
          if (!text.isEmpty()) {
            for (String child : text.split(" ")) {
              children.add(Integer.parseInt(child));
            }
          }
        }
      } catch (IOException gone) {
        return children;
      }
      return children;
    }
  }
}
