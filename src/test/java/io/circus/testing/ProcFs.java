package io.circus.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/** What tests read from /proc: processes by parent, states, open descriptors of a pid. */
public final class ProcFs {

  private ProcFs() {
  }

  /** Pid to state letter ('Z' for a zombie) of every process whose parent is {@code parent}. */
  public static Map<Long, String> childrenOf(long parent) {
    Map<Long, String> children = new TreeMap<>();
    try (Stream<Path> entries = Files.list(Path.of("/proc"))) {
      entries.map(p -> p.getFileName().toString()).filter(n -> n.chars().allMatch(Character::isDigit)).forEach(pid -> {
        String stat = readStat(pid);
        if (stat == null) return;
        // "pid (comm) S ppid ...": comm may hold spaces and parentheses, so parse after the last ')'.
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        if (Long.parseLong(fields[1]) == parent) {
          children.put(Long.parseLong(pid), fields[0]);
        }
      });
    } catch (IOException e) {
      throw new IllegalStateException("cannot list /proc", e);
    }
    return children;
  }

  /** The state letter of a process, or null if there is no such process. */
  public static String state(long pid) {
    String stat = readStat(Long.toString(pid));
    return stat == null ? null : stat.substring(stat.lastIndexOf(')') + 2).split(" ")[0];
  }

  /** Number of open file descriptors of a process. */
  public static int openFdCount(long pid) {
    try (Stream<Path> fds = Files.list(Path.of("/proc", Long.toString(pid), "fd"))) {
      return (int) fds.count();
    } catch (IOException e) {
      throw new IllegalStateException("cannot list fds of " + pid, e);
    }
  }

  private static String readStat(String pid) {
    try {
      return Files.readString(Path.of("/proc", pid, "stat"));
    } catch (IOException gone) {
      return null;
    }
  }
}
