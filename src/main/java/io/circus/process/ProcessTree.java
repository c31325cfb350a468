package io.circus.process;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/** Who descends from whom, read from /proc. A process that vanishes while being read is skipped. */
final class ProcessTree {

  private static final Path PROC = Path.of("/proc");

  private ProcessTree() {
  }

  /** Direct children of {@code pid}. */
  static List<Integer> children(int pid) {
    List<Integer> children = new ArrayList<>();
    Path tasks = PROC.resolve(Integer.toString(pid)).resolve("task");
    try (DirectoryStream<Path> threads = Files.newDirectoryStream(tasks)) {
      for (Path thread : threads) {
        // /proc/PID/task/TID/children lists the children each thread forked (CONFIG_PROC_CHILDREN).
        String list = Files.readString(thread.resolve("children")).strip();
        if (!list.isEmpty()) {
          for (String child : list.split(" ")) children.add(Integer.parseInt(child));
        }
      }
      return children;
    } catch (NoSuchFileException e) {
      return Files.isDirectory(tasks) ? childrenFromStat(pid) : List.of();
    } catch (IOException e) {
      return childrenFromStat(pid);
    }
  }

  /** Children, grandchildren, ... of {@code pid}, parents before their children. */
  static List<Integer> descendants(int pid) {
    List<Integer> descendants = new ArrayList<>();
    Deque<Integer> toVisit = new ArrayDeque<>(children(pid));
    while (!toVisit.isEmpty()) {
      int next = toVisit.removeFirst();
      descendants.add(next);
      toVisit.addAll(children(next));
    }
    return descendants;
  }

  /** The slow way, for kernels without /proc/PID/task/TID/children: every process's parent pid. */
  static List<Integer> childrenFromStat(int pid) {
    List<Integer> children = new ArrayList<>();
    try (DirectoryStream<Path> processes = Files.newDirectoryStream(PROC, "[0-9]*")) {
      for (Path process : processes) {
        if (parentOf(process) == pid) children.add(Integer.parseInt(process.getFileName().toString()));
      }
    } catch (IOException e) {
      throw new IllegalStateException("cannot list /proc", e);
    }
    return children;
  }

  private static int parentOf(Path process) {
    try {
      String stat = Files.readString(process.resolve("stat"));
      // "pid (comm) state ppid ...": comm may hold spaces and ')', so read after the last ')'.
      String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ", 3);
      return Integer.parseInt(fields[1]);
    } catch (IOException gone) {
      return -1;
    }
  }
}
