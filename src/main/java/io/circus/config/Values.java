package io.circus.config;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Text to typed values with the rules Circus gets from Python: {@code int()}, {@code float()},
 * {@code int(x, 8)} and Circus's booleans. Each parser throws {@link IllegalArgumentException}
 * whose message says what was expected; no unit suffixes, no guessing. Plugins read their
 * options with the same rules.
 */
public final class Values {

  private static final String DIGITS = "\\d(?:_?\\d)*";
  private static final Pattern INTEGER = Pattern.compile("[+-]?" + DIGITS);
  private static final Pattern FLOAT = Pattern.compile(
      "[+-]?(?:(?:" + DIGITS + "(?:\\.(?:" + DIGITS + ")?)?|\\.(?:" + DIGITS + "))(?:[eE][+-]?" + DIGITS + ")?"
          + "|(?i:inf|infinity))");
  private static final Pattern OCTAL = Pattern.compile("(?:0[oO])?[0-7](?:_?[0-7])*");
  private static final Pattern CLASS_NAME = Pattern.compile("[\\p{L}_$][\\p{L}\\p{N}_$]*(?:\\.[\\p{L}_$][\\p{L}\\p{N}_$]*)*");
  private static final Set<String> TRUE = Set.of("yes", "true", "on", "1");
  private static final Set<String> FALSE = Set.of("no", "false", "off", "0");
  static final String BOOLEAN = "a boolean: yes, true, on, 1 or no, false, off, 0";
  static final int MAX_MODE = 0777;

  private Values() {
  }

  public static boolean bool(String text) {
    String word = text.strip().toLowerCase(Locale.ROOT);
    if (TRUE.contains(word)) return true;
    if (FALSE.contains(word)) return false;
    throw new IllegalArgumentException(BOOLEAN);
  }

  /** A whole number from {@code min} to {@code max}, written as Python's {@code int()} reads it. */
  public static long integer(String text, long min, long max) {
    String expected = "an integer" + range(min, max);
    String t = text.strip();
    if (!INTEGER.matcher(t).matches()) throw new IllegalArgumentException(expected);
    try {
      long value = Long.parseLong(t.replace("_", ""));
      if (value < min || value > max) throw new IllegalArgumentException(expected);
      return value;
    } catch (NumberFormatException tooLong) {
      throw new IllegalArgumentException(expected);
    }
  }

  public static int integer(String text, int min, int max) {
    return (int) integer(text, (long) min, (long) max);
  }

  /** A number of seconds such as {@code 30}, {@code 2.5} or {@code 1e3}, as Python's {@code float()}; never NaN. */
  public static double number(String text, double min) {
    String expected = "a number of seconds such as 30 or 2.5, without unit" + (min > Double.NEGATIVE_INFINITY ? ", at least " + format(min) : "");
    String t = text.strip();
    if (!FLOAT.matcher(t).matches()) throw new IllegalArgumentException(expected);
    String normalized = t.replace("_", "").toLowerCase(Locale.ROOT).replace("infinity", "inf").replace("inf", "Infinity");
    double value = Double.parseDouble(normalized);
    if (value < min) throw new IllegalArgumentException(expected);
    return value;
  }

  /** A file mode mask written in octal ({@code 022}, {@code 0o022}), as Python's {@code int(x, 8)}. */
  static int octal(String text) {
    String t = text.strip();
    String expected = "an octal mask from 000 to 777, such as 022";
    if (!OCTAL.matcher(t).matches()) throw new IllegalArgumentException(expected);
    String digits = t.replace("_", "");
    int value = Integer.parseInt(digits.startsWith("0o") || digits.startsWith("0O") ? digits.substring(2) : digits, 8);
    if (value > MAX_MODE) throw new IllegalArgumentException(expected);
    return value;
  }

  /** One of {@code choices}, compared ignoring case; returns the choice as listed. */
  static String oneOf(String text, List<String> choices) {
    String t = text.strip();
    return choices.stream().filter(c -> c.equalsIgnoreCase(t)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("one of " + String.join(", ", choices)));
  }

  /** A class name, dotted or not ({@code com.example.MyHook}); checked for form only, never loaded here. */
  static String className(String text) {
    String t = text.strip();
    if (!CLASS_NAME.matcher(t).matches()) throw new IllegalArgumentException("a class name such as com.example.MyClass");
    return t;
  }

  private static String range(long min, long max) {
    boolean noMin = min <= Integer.MIN_VALUE;
    boolean noMax = max >= Integer.MAX_VALUE;
    if (noMin) return noMax ? "" : " up to " + max;
    return noMax ? " of at least " + min : " from " + min + " to " + max;
  }

  private static String format(double value) {
    return value == Math.rint(value) ? String.valueOf((long) value) : String.valueOf(value);
  }
}
