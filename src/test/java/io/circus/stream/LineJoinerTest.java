package io.circus.stream;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class LineJoinerTest {

  private final LineJoiner joiner = new LineJoiner();

  private String take(String text) {
    byte[] block = joiner.take(ByteBuffer.wrap(text.getBytes(StandardCharsets.ISO_8859_1)));
    return block == null ? null : new String(block, StandardCharsets.ISO_8859_1);
  }

  @Test
  void aLineSplitAcrossReadsIsJoined() {
    assertThat(take("one\ntw")).isEqualTo("one\n");
    assertThat(take("o")).isNull();
    assertThat(take("\nthree\n")).isEqualTo("two\nthree\n");
  }

  @Test
  void theRestOfALineIsGivenAtTheEnd() {
    take("a\nno newline");
    assertThat(new String(joiner.flush(), StandardCharsets.ISO_8859_1)).isEqualTo("no newline");
    assertThat(joiner.flush()).isNull();
  }

  @Test
  void bytesAreKeptAsTheyAre() {
    byte[] raw = {(byte) 0xff, (byte) 0xfe, 0, '\r', '\n'};
    assertThat(joiner.take(ByteBuffer.wrap(raw))).isEqualTo(raw);
  }

  @Test
  void aLineLongerThanTheLimitIsPassedOnInPieces() {
    byte[] chunk = new byte[LineJoiner.MAX_LINE / 4];
    Arrays.fill(chunk, (byte) 'x');
    int given = 0;
    for (int i = 0; i < 4; i++) {
      byte[] block = joiner.take(ByteBuffer.wrap(chunk));
      if (block != null) given += block.length;
    }
    assertThat(given).isEqualTo(LineJoiner.MAX_LINE);
  }
}
