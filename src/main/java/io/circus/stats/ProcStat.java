package io.circus.stats;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * One reading of {@code /proc/PID/stat}: every figure of a process record that changes between
 * samples, from a single small read (about 10 µs), which is what lets one sampler follow
 * thousands of processes every second.
 *
 * @param comm the executable's name as the kernel keeps it (changes when the process execs)
 * @param cpuTicks user plus system CPU time, in clock ticks
 * @param nice the nice value
 * @param startTicks when the process started, in clock ticks after boot (tells a reused pid apart)
 * @param virtualBytes the virtual memory size
 * @param residentPages the resident set size, in pages
 */
record ProcStat(String comm, long cpuTicks, int nice, long startTicks, long virtualBytes, long residentPages) {

  private static final int UTIME = 11;
  private static final int STIME = 12;
  private static final int NICE = 16;
  private static final int STARTTIME = 19;
  private static final int VSIZE = 20;
  private static final int RSS = 21;

  /** The stat of {@code pid}, or empty when there is no such process (any more). */
  static Optional<ProcStat> read(int pid) {
    String stat;
    try {
      stat = new String(Files.readAllBytes(Path.of("/proc", Integer.toString(pid), "stat")), StandardCharsets.US_ASCII);
    } catch (IOException gone) {
      return Optional.empty();
    }
    return Optional.of(parse(stat));
  }

  /** Parses "pid (comm) state ppid ...": comm may hold spaces and ')', so fields count from the last ')'. */
  static ProcStat parse(String stat) {
    int close = stat.lastIndexOf(')');
    String comm = stat.substring(stat.indexOf('(') + 1, close);
    String[] fields = stat.substring(close + 2).split(" ");
    return new ProcStat(comm, Long.parseLong(fields[UTIME]) + Long.parseLong(fields[STIME]),
        Integer.parseInt(fields[NICE]), Long.parseLong(fields[STARTTIME]), Long.parseLong(fields[VSIZE]),
        Long.parseLong(fields[RSS]));
  }
}
