package io.circus.config;

import java.util.regex.Pattern;

/**
 * A shell wildcard pattern as Python's {@code fnmatch} reads it: {@code *}, {@code ?},
 * {@code [abc]}, {@code [a-z]} and {@code [!abc]}; every other character stands for itself, and
 * matching is case-sensitive. Used for {@code [env:PATTERNS]} and for include globs.
 */
public final class ShellPattern {

  private final String text;
  private final Pattern regex;

  private ShellPattern(String text) {
    this.text = text;
    this.regex = Pattern.compile(translate(text), Pattern.DOTALL);
  }

  public static ShellPattern of(String text) {
    return new ShellPattern(text);
  }

  /** True when {@code text} has a wildcard character, as Python's {@code glob.has_magic}. */
  public static boolean hasWildcard(String text) {
    return text.indexOf('*') >= 0 || text.indexOf('?') >= 0 || text.indexOf('[') >= 0;
  }

  public boolean matches(String name) {
    return regex.matcher(name).matches();
  }

  @Override
  public String toString() {
    return text;
  }

  private static String translate(String pattern) {
    StringBuilder regex = new StringBuilder();
    int i = 0;
    while (i < pattern.length()) {
      char c = pattern.charAt(i++);
      if (c == '*') {
        regex.append(".*");
      } else if (c == '?') {
        regex.append('.');
      } else if (c == '[') {
        int end = closingBracket(pattern, i);
        if (end < 0) {
          regex.append("\\[");
        } else {
          regex.append(characterClass(pattern.substring(i, end)));
          i = end + 1;
        }
      } else {
        regex.append(Pattern.quote(String.valueOf(c)));
      }
    }
    return regex.toString();
  }

  /** Index of the ']' closing a class that starts at {@code from}; a ']' first in the class is a member. */
  private static int closingBracket(String pattern, int from) {
    int j = from;
    if (j < pattern.length() && pattern.charAt(j) == '!') j++;
    if (j < pattern.length() && pattern.charAt(j) == ']') j++;
    return pattern.indexOf(']', j);
  }

  private static String characterClass(String members) {
    StringBuilder out = new StringBuilder("[");
    int start = 0;
    if (members.startsWith("!")) {
      out.append('^');
      start = 1;
    }
    for (int k = start; k < members.length(); k++) {
      char m = members.charAt(k);
      // Ranges keep their '-'; other punctuation is escaped to stay a literal member ('^', '[', '\', '&').
      if (Character.isLetterOrDigit(m) || (m == '-' && k > start && k < members.length() - 1)) out.append(m);
      else out.append('\\').append(m);
    }
    return out.append(']').toString();
  }
}
