package io.circus.config;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Splits and quotes command lines the way a POSIX shell does, without expanding anything: the
 * rules of Python's {@code shlex.split} (posix mode, no comments) and {@code shlex.quote}, which
 * Circus uses for {@code cmd}, {@code args} and {@code shell_args}.
 */
public final class ShellWords {

  private static final String WHITESPACE = " \t\r\n";
  private static final Pattern SAFE = Pattern.compile("[\\w@%+=:,./-]+");

  private ShellWords() {
  }

  /**
   * The words of {@code text}: split at blanks and newlines; single quotes keep everything;
   * double quotes keep everything but {@code \"} and {@code \\}; a backslash outside quotes keeps
   * the next character. {@code ''} is an empty word.
   *
   * @throws IllegalArgumentException for an unbalanced quote or a final lone backslash
   */
  public static List<String> split(String text) {
    List<String> words = new ArrayList<>();
    StringBuilder word = new StringBuilder();
    boolean inWord = false;
    char quote = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (quote == '\'') {
        if (c == '\'') quote = 0; else word.append(c);
      } else if (quote == '"') {
        if (c == '"') {
          quote = 0;
        } else if (c == '\\') {
          char next = charAfterBackslash(text, ++i);
          // Inside double quotes a backslash only escapes '"' and itself, as in shlex.
          if (next != '"' && next != '\\') word.append('\\');
          word.append(next);
        } else {
          word.append(c);
        }
      } else if (WHITESPACE.indexOf(c) >= 0) {
        if (inWord) words.add(word.toString());
        word.setLength(0);
        inWord = false;
      } else {
        inWord = true;
        if (c == '\'' || c == '"') quote = c;
        else if (c == '\\') word.append(charAfterBackslash(text, ++i));
        else word.append(c);
      }
    }
    if (quote != 0) {
      throw new IllegalArgumentException("unbalanced quote: no closing " + quote + " in: " + text);
    }
    if (inWord) words.add(word.toString());
    return words;
  }

  /** {@code word} as one shell word: unchanged when it holds only safe characters, else single-quoted. */
  public static String quote(String word) {
    if (word.isEmpty()) return "''";
    if (SAFE.matcher(word).matches()) return word;
    return "'" + word.replace("'", "'\"'\"'") + "'";
  }

  private static char charAfterBackslash(String text, int index) {
    if (index >= text.length()) {
      throw new IllegalArgumentException("a backslash at the end has no character to escape in: " + text);
    }
    return text.charAt(index);
  }
}
