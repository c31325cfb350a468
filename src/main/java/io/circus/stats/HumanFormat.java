package io.circus.stats;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** The text formats of Circus's process records (SPEC.md §5.3). */
public final class HumanFormat {

  private static final String SYMBOLS = "KMGTPEZY";

  private HumanFormat() {
  }

  /** Bytes as Circus writes them: {@code 512B}, {@code 1.39M}, {@code 122.59M}. */
  public static String bytes(long n) {
    for (int i = SYMBOLS.length() - 1; i >= 0; i--) {
      double unit = Math.pow(1024, i + 1);
      if (n >= unit) {
        // Python's "%.2f": the exact binary value rounded half-even (String.format rounds half-up).
        return new BigDecimal(n / unit).setScale(2, RoundingMode.HALF_EVEN).toPlainString() + SYMBOLS.charAt(i);
      }
    }
    return n + "B";
  }

  /**
   * CPU time as Circus writes it: minutes modulo 60, two-digit seconds, and the first two digits
   * of the microseconds as written in decimal (so 5000 µs gives "50" and 0 µs gives "0": Circus's
   * own rendering, kept so both daemons print the same).
   */
  public static String cpuTime(long micros) {
    long totalSeconds = micros / 1_000_000;
    long microsPart = micros % 1_000_000;
    String fraction = Long.toString(microsPart);
    fraction = fraction.substring(0, Math.min(2, fraction.length()));
    long seconds = totalSeconds % 60;
    return (totalSeconds / 60 % 60) + (seconds < 10 ? ":0" : ":") + seconds + "." + fraction;
  }

  /** {@code value} rounded to {@code decimals} places, as Python's round() on a float. */
  public static double round(double value, int decimals) {
    double scale = Math.pow(10, decimals);
    return Math.round(value * scale) / scale;
  }
}
