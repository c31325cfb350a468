package io.circus.stats;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Optional;

/**
 * One reading of {@code /proc/PID/stat}: every figure of a process record that changes between
 * samples, from a single small read (a few µs), which is what lets one sampler follow thousands
 * of processes every second. The line is read into a buffer kept per thread and its numbers are
 * parsed in place: the stats stream reads a thousand of them a second, so allocations count.
 *
 * @param comm the executable's name as the kernel keeps it (changes when the process execs)
 * @param cpuTicks user plus system CPU time, in clock ticks
 * @param nice the nice value
 * @param startTicks when the process started, in clock ticks after boot (tells a reused pid apart)
 * @param virtualBytes the virtual memory size
 * @param residentPages the resident set size, in pages
 */
record ProcStat(String comm, long cpuTicks, int nice, long startTicks, long virtualBytes, long residentPages) {

  // Fields counted from the state, the first field after the name (proc(5) numbers minus 3).
  private static final int UTIME = 11;
  private static final int STIME = 12;
  private static final int NICE = 16;
  private static final int STARTTIME = 19;
  private static final int VSIZE = 20;
  private static final int RSS = 21;
  /** Far more than a stat line takes (about 300 bytes, the name at most 64). */
  private static final int LINE_CAPACITY = 4096;
  private static final ThreadLocal<ByteBuffer> LINE = ThreadLocal.withInitial(() -> ByteBuffer.allocate(LINE_CAPACITY));

  /** The stat of {@code pid}, or empty when there is no such process (any more). */
  static Optional<ProcStat> read(int pid) {
    ByteBuffer line = LINE.get().clear();
    try (FileChannel file = FileChannel.open(Path.of("/proc", Integer.toString(pid), "stat"))) {
      while (file.read(line) > 0 && line.hasRemaining()) {
        // /proc hands the line over in one read; loop only in case it does not
      }
    } catch (IOException gone) {
      return Optional.empty();
    }
    return Optional.of(parse(line.array(), line.position()));
  }

  static ProcStat parse(String stat) {
    byte[] bytes = stat.getBytes(StandardCharsets.US_ASCII);
    return parse(bytes, bytes.length);
  }

  /** Parses "pid (comm) state ppid ...": comm may hold spaces and ')', so fields count from the last ')'. */
  private static ProcStat parse(byte[] line, int length) {
    int open = indexOf(line, 0, length, (byte) '(');
    int close = length - 1;
    while (line[close] != ')') {
      close--;
    }
    String comm = new String(line, open + 1, close - open - 1, StandardCharsets.UTF_8);
    long[] fields = new long[RSS + 1];
    int position = close + 2;
    for (int field = 0; field <= RSS; field++) {
      int end = indexOf(line, position, length, (byte) ' ');
      if (field > 0) {
        fields[field] = parseLong(line, position, end);
      }
      position = end + 1;
    }
    return new ProcStat(comm, fields[UTIME] + fields[STIME], (int) fields[NICE], fields[STARTTIME], fields[VSIZE], fields[RSS]);
  }

  private static int indexOf(byte[] line, int from, int length, byte wanted) {
    for (int i = from; i < length; i++) {
      if (line[i] == wanted) {
        return i;
      }
    }
    return length;
  }

  private static long parseLong(byte[] line, int from, int to) {
    boolean negative = line[from] == '-';
    long value = 0;
    for (int i = negative ? from + 1 : from; i < to; i++) {
      value = value * 10 + (line[i] - '0');
    }
    return negative ? -value : value;
  }
}
