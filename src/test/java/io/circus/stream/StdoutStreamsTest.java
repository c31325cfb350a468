package io.circus.stream;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StdoutStreamsTest {

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();

  @Test
  void stdoutStreamPassesTheBytesOn() throws IOException {
    byte[] raw = {'a', (byte) 0xff, '\n'};
    new StdoutStream(out).write(new OutputBlock("w", 1, "stdout", raw, 0));
    assertThat(out.toByteArray()).isEqualTo(raw);
  }

  @Test
  void fancyStdoutStreamColorsEachNonEmptyLineWithTimeAndPid() throws IOException {
    long time = LocalDateTime.of(2024, 3, 5, 7, 8, 9).atZone(ZoneId.systemDefault()).toInstant().toEpochMilli();
    new FancyStdoutStream(Map.of("color", "green", "time_format", "%H:%M:%S"), out).write(Blocks.of(7, "one\n\ntwo\n", time));
    assertThat(out.toString(StandardCharsets.UTF_8))
        .isEqualTo("\033[0;32;40m07:08:09 [7] | one\033[0m\n\033[0;32;40m07:08:09 [7] | two\033[0m\n");
  }

  @Test
  void queueStreamQueuesTheBlocks() {
    QueueStream stream = new QueueStream(Map.of());
    OutputBlock block = Blocks.of("x\n");
    stream.write(block);
    assertThat(stream.queue()).containsExactly(block);
  }
}
