package io.circus.stream;

import java.nio.charset.StandardCharsets;

/** Output blocks for tests. */
final class Blocks {

  private Blocks() {
  }

  static OutputBlock of(String text) {
    return of(42, text, 0);
  }

  static OutputBlock of(int pid, String text, long timeMillis) {
    return new OutputBlock("w", pid, "stdout", text.getBytes(StandardCharsets.UTF_8), timeMillis);
  }

  /** Lines "line 0\n" to "line (count-1)\n" from {@code first}. */
  static String numbered(int first, int count) {
    StringBuilder text = new StringBuilder();
    for (int i = first; i < first + count; i++) text.append("line ").append(i).append('\n');
    return text.toString();
  }
}
