package io.circus.config;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ShellPatternTest {

  @Test
  void starAndQuestionMark() {
    assertThat(ShellPattern.of("web*").matches("web-1")).isTrue();
    assertThat(ShellPattern.of("web?").matches("web12")).isFalse();
    assertThat(ShellPattern.of("*").matches("")).isTrue();
  }

  @Test
  void matchingIsCaseSensitive() {
    assertThat(ShellPattern.of("Web").matches("web")).isFalse();
  }

  @Test
  void characterClassesAndNegation() {
    assertThat(ShellPattern.of("w[0-9]").matches("w5")).isTrue();
    assertThat(ShellPattern.of("w[!0-9]").matches("w5")).isFalse();
    assertThat(ShellPattern.of("w[!0-9]").matches("wx")).isTrue();
    assertThat(ShellPattern.of("[]]").matches("]")).isTrue();
    assertThat(ShellPattern.of("[ad]x").matches("dx")).isTrue();
  }

  @Test
  void otherCharactersAreLiteral() {
    assertThat(ShellPattern.of("a.b+(c)").matches("a.b+(c)")).isTrue();
    assertThat(ShellPattern.of("a.b").matches("axb")).isFalse();
    assertThat(ShellPattern.of("[x").matches("[x")).isTrue();
  }
}
