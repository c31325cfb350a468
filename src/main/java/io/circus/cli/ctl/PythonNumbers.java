package io.circus.cli.ctl;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Numbers typed on the command line read as Python's {@code int()} and {@code float()} read them
 * (blanks around, a sign, {@code _} between digits, {@code inf}/{@code nan}), which is what
 * circusctl accepts for counts, pids and option values.
 */
final class PythonNumbers {

  private static final Pattern INT = Pattern.compile("[+-]?\\d+(_\\d+)*");
  private static final Pattern FLOAT = Pattern.compile(
      "[+-]?((\\d+(_\\d+)*)(\\.(\\d+(_\\d+)*)?)?|\\.\\d+(_\\d+)*)([eE][+-]?\\d+(_\\d+)*)?");
  private static final Pattern SPECIAL = Pattern.compile("[+-]?(inf|infinity|nan)");

  private PythonNumbers() {
  }

  static long parseInt(String text) throws ArgumentError {
    String trimmed = text.strip();
    if (INT.matcher(trimmed).matches()) {
      try {
        return Long.parseLong(trimmed.replace("_", ""));
      } catch (NumberFormatException tooBig) {
        throw new ArgumentError("integer out of range: " + PythonText.repr(text));
      }
    }
    throw new ArgumentError("invalid literal for int() with base 10: " + PythonText.repr(text));
  }

  static double parseFloat(String text) throws ArgumentError {
    String trimmed = text.strip();
    String lower = trimmed.toLowerCase(Locale.ROOT);
    if (SPECIAL.matcher(lower).matches()) {
      if (lower.endsWith("nan")) return Double.NaN;
      return lower.startsWith("-") ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
    }
    if (FLOAT.matcher(trimmed).matches()) {
      return Double.parseDouble(trimmed.replace("_", ""));
    }
    throw new ArgumentError("could not convert string to float: " + PythonText.repr(text));
  }
}
