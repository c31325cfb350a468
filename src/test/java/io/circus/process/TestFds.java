package io.circus.process;

import com.sun.jna.Memory;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** Raw descriptors and /proc views for tests. */
final class TestFds {

  private TestFds() {
  }

  /** A close-on-exec pipe: [read end, write end]. */
  static int[] pipe() {
    int[] ends = new int[2];
    SystemCallException.check(LibC.pipe2(ends, LibC.O_CLOEXEC), "pipe2");
    return ends;
  }

  /** One blocking read of what a pipe holds. */
  static String read(int fd) {
    try (Memory buffer = new Memory(4096)) {
      long read = LibC.read(fd, buffer, buffer.size());
      if (read < 0) throw SystemCallException.lastError("read");
      return new String(buffer.getByteArray(0, (int) read), StandardCharsets.UTF_8);
    }
  }

  static void close(int... fds) {
    for (int fd : fds) LibC.close(fd);
  }

  /** The fd numbers a process has open. */
  static List<Integer> openFds(long pid) throws IOException {
    try (Stream<Path> fds = Files.list(Path.of("/proc", Long.toString(pid), "fd"))) {
      return fds.map(p -> Integer.parseInt(p.getFileName().toString())).sorted().collect(Collectors.toList());
    }
  }

  /** What a process's descriptor refers to ("/dev/null", "pipe:[1234]", ...). */
  static String target(long pid, int fd) throws IOException {
    return Files.readSymbolicLink(Path.of("/proc", Long.toString(pid), "fd", Integer.toString(fd))).toString();
  }

  /** The process's argv as /proc shows it, empty once it is gone. */
  static List<String> cmdline(long pid) {
    try {
      String raw = Files.readString(Path.of("/proc", Long.toString(pid), "cmdline"));
      // Each argument ends with a NUL.
      return raw.isEmpty() ? List.of() : List.of(raw.substring(0, raw.length() - 1).split("\0", -1));
    } catch (IOException gone) {
      return List.of();
    }
  }

  /** A line of /proc/PID/status, e.g. "SigIgn", without its label. */
  static String status(long pid, String field) throws IOException {
    return Files.readAllLines(Path.of("/proc", Long.toString(pid), "status")).stream()
        .filter(line -> line.startsWith(field + ":")).findFirst().orElseThrow()
        .substring(field.length() + 1).strip();
  }

  /** The kernel function a process sleeps in ("pipe_write" for a writer blocked on a full pipe). */
  static String wchan(long pid) {
    try {
      return Files.readString(Path.of("/proc", Long.toString(pid), "wchan"));
    } catch (IOException gone) {
      return "";
    }
  }
}
