package io.circus.stream;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;

/**
 * Circus's {@code time_format}: every line of a block gets {@code "<time> [<pid>] | "} in front,
 * the time of the block in local time. The line bytes themselves are kept as they are.
 */
final class LinePrefix {

  private final Strftime format;
  private final ZoneId zone = ZoneId.systemDefault();

  LinePrefix(String timeFormat) {
    this.format = Strftime.compile(timeFormat);
  }

  /** The prefix for a block: its time and pid. */
  byte[] of(OutputBlock block) {
    String time = format.format(Instant.ofEpochMilli(block.timeMillis()).atZone(zone));
    return (time + " [" + block.pid() + "] | ").getBytes(StandardCharsets.UTF_8);
  }

  /** The block with the prefix before each line; a last line without a newline gets one, as in Circus. */
  byte[] apply(OutputBlock block) {
    byte[] prefix = of(block);
    byte[] data = block.data();
    ByteArrayOutputStream out = new ByteArrayOutputStream(data.length + 16 * prefix.length);
    int start = 0;
    while (start < data.length) {
      int end = start;
      while (end < data.length && data[end] != '\n') end++;
      out.write(prefix, 0, prefix.length);
      out.write(data, start, end - start);
      out.write('\n');
      start = end + 1;
    }
    return out.toByteArray();
  }
}
