package io.circus.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ShellWordsTest {

  @Test
  void splitsAtBlanksTabsAndNewlines() {
    assertThat(ShellWords.split("  a\tb\n c  ")).containsExactly("a", "b", "c");
  }

  @Test
  void singleQuotesKeepEverything() {
    assertThat(ShellWords.split("'a b' 'x\\\"y'")).containsExactly("a b", "x\\\"y");
  }

  @Test
  void doubleQuotesUnescapeOnlyQuoteAndBackslash() {
    assertThat(ShellWords.split("\"a \\\"b\\\" \\\\ \\$x\"")).containsExactly("a \"b\" \\ \\$x");
  }

  @Test
  void backslashOutsideQuotesKeepsNextCharacter() {
    assertThat(ShellWords.split("a\\ b c\\'d")).containsExactly("a b", "c'd");
  }

  @Test
  void emptyQuotesMakeAnEmptyWord() {
    assertThat(ShellWords.split("a '' \"\" b")).containsExactly("a", "", "", "b");
  }

  @Test
  void quotedPartsJoinTheirWord() {
    assertThat(ShellWords.split("--opt=\"x y\"'z'")).containsExactly("--opt=x yz");
  }

  @Test
  void hashIsNotAComment() {
    assertThat(ShellWords.split("-q  # note")).containsExactly("-q", "#", "note");
  }

  @Test
  void noExpansionHappens() {
    assertThat(ShellWords.split("$HOME ~ *.txt $(circus.wid)")).containsExactly("$HOME", "~", "*.txt", "$(circus.wid)");
  }

  @Test
  void emptyTextHasNoWords() {
    assertThat(ShellWords.split("   ")).isEmpty();
  }

  @Test
  void unbalancedQuoteIsRefused() {
    assertThatThrownBy(() -> ShellWords.split("echo 'oops"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("unbalanced quote");
    assertThatThrownBy(() -> ShellWords.split("echo \"oops"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no closing \"");
  }

  @Test
  void finalBackslashIsRefused() {
    assertThatThrownBy(() -> ShellWords.split("echo \\"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("backslash");
  }

  @Test
  void quoteLeavesSafeWordsAlone() {
    assertThat(ShellWords.quote("/usr/bin/python3.11")).isEqualTo("/usr/bin/python3.11");
    assertThat(ShellWords.quote("a=b,c:d@e%f+g")).isEqualTo("a=b,c:d@e%f+g");
  }

  @Test
  void quoteSingleQuotesTheRest() {
    assertThat(ShellWords.quote("")).isEqualTo("''");
    assertThat(ShellWords.quote("a b")).isEqualTo("'a b'");
    assertThat(ShellWords.quote("it's")).isEqualTo("'it'\"'\"'s'");
  }

  @Test
  void quotedWordsSplitBackToThemselves() {
    String[] words = {"plain", "with space", "it's", "", "$x", "back\\slash"};
    StringBuilder line = new StringBuilder();
    for (String w : words) line.append(ShellWords.quote(w)).append(' ');
    assertThat(ShellWords.split(line.toString())).containsExactly(words);
  }
}
