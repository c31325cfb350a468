package io.circus.stats;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import oshi.SystemInfo;
import oshi.software.os.OSProcess;
import oshi.software.os.OperatingSystem;

/**
 * Reads Circus's process record (SPEC.md §3.10) of a pid with OSHI: memory, CPU percentage since
 * the previous sample of that pid (0.0 the first time), CPU time, owner, nice, command, start
 * time and direct children. Reads /proc: blocking, call it off the event loops. Thread-safe.
 */
public final class ProcessSampler {

  private final OperatingSystem os;
  private final long totalMemory;
  private final Map<Integer, OSProcess> previous = new ConcurrentHashMap<>();

  public ProcessSampler() {
    SystemInfo system = new SystemInfo();
    this.os = system.getOperatingSystem();
    this.totalMemory = system.getHardware().getMemory().getTotal();
  }

  /** The record of {@code pid} with its direct children, or empty when it is gone. */
  public Optional<JsonObject> sample(int pid) {
    return record(pid).map(info -> info.put("children", childrenOf(pid)));
  }

  /** The record of {@code pid} alone (no children), or empty when it is gone. */
  public Optional<JsonObject> sampleAlone(int pid) {
    return record(pid);
  }

  /** Forgets what was kept for CPU percentages of a pid that is gone. */
  public void forget(int pid) {
    previous.remove(pid);
  }

  private Optional<JsonObject> record(int pid) {
    OSProcess process = os.getProcess(pid);
    if (process == null) {
      previous.remove(pid);
      return Optional.empty();
    }
    OSProcess before = previous.put(pid, process);
    double cpu = before == null ? 0.0 : HumanFormat.round(100 * process.getProcessCpuLoadBetweenTicks(before), 1);
    JsonObject info = new JsonObject()
        .put("mem_info1", HumanFormat.bytes(process.getResidentMemory()))
        .put("mem_info2", HumanFormat.bytes(process.getVirtualSize()))
        .put("cpu", cpu)
        .put("mem", HumanFormat.round(100.0 * process.getResidentMemory() / totalMemory, 3))
        .put("ctime", HumanFormat.cpuTime((process.getUserTime() + process.getKernelTime()) * 1000))
        .put("pid", pid)
        .put("username", process.getUser())
        .put("nice", nice(pid))
        .put("create_time", HumanFormat.round(process.getStartTime() / 1000.0, 2))
        .put("cmdline", commandName(process));
    return Optional.of(info);
  }

  private JsonArray childrenOf(int pid) {
    JsonArray children = new JsonArray();
    for (int child : ProcChildren.of(pid)) {
      record(child).ifPresent(children::add);
    }
    return children;
  }

  private static String commandName(OSProcess process) {
    List<String> arguments = process.getArguments();
    String first = arguments.isEmpty() ? process.getName() : arguments.get(0);
    return first.isEmpty() ? "N/A" : Path.of(first).getFileName().toString();
  }

  /** The nice value, field 19 of /proc/PID/stat ("Zombie" when it cannot be read, as Circus says). */
  private static Object nice(int pid) {
    try {
      String stat = Files.readString(Path.of("/proc", Integer.toString(pid), "stat"));
      String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
      return Integer.parseInt(fields[16]);
    } catch (IOException | RuntimeException gone) {
      return "Zombie";
    }
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
