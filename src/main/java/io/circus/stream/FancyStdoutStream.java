package io.circus.stream;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Circus's {@code FancyStdoutStream}: each non-empty line to circusd's stdout as
 * {@code <time> [<pid>] | <line>} in an ANSI color ({@code color}, random when not given), the
 * time in {@code time_format} (default {@code %Y-%m-%d %H:%M:%S}).
 */
public class FancyStdoutStream extends StdoutStream {

  private static final List<String> COLORS = List.of("red", "green", "yellow", "blue", "magenta", "cyan", "white");
  private static final byte[] RESET = "\033[0m\n".getBytes(StandardCharsets.US_ASCII);

  private final LinePrefix prefix;
  private final byte[] color;

  public FancyStdoutStream(Map<String, String> options) {
    this(options, null);
  }

  /** Writing to {@code out} instead of circusd's stdout when not null (tests). */
  FancyStdoutStream(Map<String, String> options, OutputStream out) {
    super(out == null ? STDOUT : out);
    StreamOptions o = new StreamOptions(options);
    int index = COLORS.indexOf(o.text("color", ""));
    if (index < 0) index = ThreadLocalRandom.current().nextInt(COLORS.size());
    this.color = ("\033[0;3" + (index + 1) + ";40m").getBytes(StandardCharsets.US_ASCII);
    this.prefix = new LinePrefix(o.text("time_format", "%Y-%m-%d %H:%M:%S"));
  }

  @Override
  public void write(OutputBlock block) throws IOException {
    byte[] linePrefix = prefix.of(block);
    ByteArrayOutputStream text = new ByteArrayOutputStream(block.data().length * 2);
    for (byte[] line : block.lines()) {
      if (line.length == 0) continue;
      text.write(color);
      text.write(linePrefix);
      text.write(line);
      text.write(RESET);
    }
    out.write(text.toByteArray());
  }
}
