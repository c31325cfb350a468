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
    BigDecimal shortest = shortestRoundTrip(Math.abs(value));
    String digits = shortest.unscaledValue().toString();
    // The value is 0.DIGITS x 10^pointPosition.
    int pointPosition = digits.length() - shortest.scale();
    if (pointPosition > 16 || pointPosition < -3) {
      return sign + scientific(digits, pointPosition - 1);
    }
    return sign + plain(digits, pointPosition);
  }

  private static BigDecimal shortestRoundTrip(double value) {
    BigDecimal exact = new BigDecimal(value);
    for (int precision = 1; precision < 17; precision++) {
      BigDecimal rounded = exact.round(new MathContext(precision, RoundingMode.HALF_EVEN));
      if (rounded.doubleValue() == value) {
        return rounded.stripTrailingZeros();
      }
    }
    return exact.round(new MathContext(17, RoundingMode.HALF_EVEN)).stripTrailingZeros();
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
