package io.circus.client.json;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * A double written the way Python's {@code repr(float)} writes it, which is what Circus puts on
 * the wire and what circusctl prints: the shortest digits that read back as the same double,
 * plain notation from 1e-4 up to 1e16 ({@code 5.0}, {@code 1795420391.5315154}, {@code 0.0001}),
 * scientific notation outside ({@code 1e+16}, {@code 1.5e-05}). Java's own {@code Double.toString}
 * switches to scientific notation at 1e7 and, before JDK 19, sometimes prints extra digits.
 */
public final class PythonFloat {

  private PythonFloat() {
  }

  /** {@code repr(value)}: also {@code nan}, {@code inf}, {@code -inf}. */
  public static String repr(double value) {
    if (Double.isNaN(value)) return "nan";
    if (Double.isInfinite(value)) return value > 0 ? "inf" : "-inf";
    if (value == 0) return (1 / value < 0) ? "-0.0" : "0.0";
    String sign = value < 0 ? "-" : "";
    String plain = fewDecimals(Math.abs(value));
    if (plain != null) {
      return sign + plain;
    }
    BigDecimal shortest = shortestRoundTrip(Math.abs(value));
    String digits = shortest.unscaledValue().toString();
    // The value is 0.DIGITS x 10^pointPosition.
    int pointPosition = digits.length() - shortest.scale();
    if (pointPosition > 16 || pointPosition < -3) {
      return sign + scientific(digits, pointPosition - 1);
    }
    return sign + plain(digits, pointPosition);
  }

  /**
   * The quick way for the common case, a value written in plain notation with few decimals
   * (1795420391.53, 12.5, 0.031): the first count of decimals d for which the integer nearest to
   * value x 10^d, divided back, gives the value. While 10^-d is wider than the value's ulp, at most
   * one number with d decimals reads back as the value, and that integer is it (an error in the
   * product could only move it off a number that does not read back anyway). Null when this does
   * not settle it: then {@link #shortestRoundTrip}.
   */
  private static String fewDecimals(double value) {
    if (value < 1e-4 || value >= 1e15) {
      return null;
    }
    double scale = 1;
    for (int decimals = 0; Math.ulp(value) * scale < 0.5; decimals++, scale *= 10) {
      double scaled = Math.rint(value * scale);
      if (scaled / scale == value) {
        String unscaled = Long.toString((long) scaled);
        int end = unscaled.length();
        while (end > 1 && unscaled.charAt(end - 1) == '0') {
          end--;
        }
        return plain(unscaled.substring(0, end), unscaled.length() - decimals);
      }
    }
    return null;
  }

  /**
   * The fewest significant digits that read back as {@code value}, found by bisection: if rounding
   * to p digits reads back, so does rounding to any more (the nearer p-digit number is at least as
   * near), and 17 digits always do. Four or five roundings instead of up to seventeen: the stats
   * stream writes thousands of floats a second.
   */
  private static BigDecimal shortestRoundTrip(double value) {
    BigDecimal exact = new BigDecimal(value);
    int low = 1;
    int high = 17;
    while (low < high) {
      int middle = (low + high) >>> 1;
      if (roundTo(exact, middle).doubleValue() == value) {
        high = middle;
      } else {
        low = middle + 1;
      }
    }
    return roundTo(exact, low).stripTrailingZeros();
  }

  private static BigDecimal roundTo(BigDecimal exact, int precision) {
    return exact.round(new MathContext(precision, RoundingMode.HALF_EVEN));
  }

  private static String scientific(String digits, int exponent) {
    StringBuilder text = new StringBuilder().append(digits.charAt(0));
    if (digits.length() > 1) {
      text.append('.').append(digits, 1, digits.length());
    }
    text.append('e').append(exponent < 0 ? '-' : '+');
    int magnitude = Math.abs(exponent);
    if (magnitude < 10) text.append('0');
    return text.append(magnitude).toString();
  }

  private static String plain(String digits, int pointPosition) {
    if (pointPosition <= 0) {
      return "0." + "0".repeat(-pointPosition) + digits;
    }
    if (pointPosition < digits.length()) {
      return digits.substring(0, pointPosition) + "." + digits.substring(pointPosition);
    }
    return digits + "0".repeat(pointPosition - digits.length()) + ".0";
  }
}
