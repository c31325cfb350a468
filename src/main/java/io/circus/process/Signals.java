package io.circus.process;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Linux signal numbers and Circus's rules for naming them (SPEC.md §2): an integer, a decimal
 * text, or a name with or without {@code SIG}, any case, with an optional {@code +N} offset
 * ({@code "TERM"}, {@code "sigterm"}, {@code "SIGRTMIN+1"}, {@code "hup+1"}).
 */
public final class Signals {

  public static final int SIGHUP = 1;
  public static final int SIGINT = 2;
  public static final int SIGQUIT = 3;
  public static final int SIGKILL = 9;
  public static final int SIGTERM = 15;
  public static final int SIGCONT = 18;
  public static final int SIGSTOP = 19;
  public static final int SIGWINCH = 28;

  private static final Map<String, Integer> BY_NAME = new LinkedHashMap<>();
  private static final Map<Integer, String> BY_NUMBER = new LinkedHashMap<>();
  private static final Pattern WORD_WITH_OFFSET = Pattern.compile("(\\w+)(\\+(\\d+))?");
  // Python's int(): optional sign, digits with single underscores between them, blanks around.
  private static final Pattern PY_INT = Pattern.compile("\\s*[+-]?\\d+(_\\d+)*\\s*");

  static {
    String[] names = {"HUP", "INT", "QUIT", "ILL", "TRAP", "ABRT", "BUS", "FPE", "KILL", "USR1", "SEGV",
        "USR2", "PIPE", "ALRM", "TERM", "STKFLT", "CHLD", "CONT", "STOP", "TSTP", "TTIN", "TTOU", "URG",
        "XCPU", "XFSZ", "VTALRM", "PROF", "WINCH", "IO", "PWR", "SYS"};
    for (int i = 0; i < names.length; i++) {
      BY_NAME.put("SIG" + names[i], i + 1);
      BY_NUMBER.put(i + 1, "SIG" + names[i]);
    }
    BY_NAME.put("SIGIOT", 6);
    BY_NAME.put("SIGCLD", 17);
    BY_NAME.put("SIGPOLL", 29);
    BY_NAME.put("SIGRTMIN", 34);
    BY_NAME.put("SIGRTMAX", 64);
  }

  private Signals() {
  }

  /**
   * Resolves a signal given as text. Throws {@link IllegalArgumentException} with
   * {@code "signal invalid"} when the text has no leading word, and {@code "unknown signal
   * SIGNAME"} when the word is not a signal name.
   */
  public static int parse(String text) {
    if (PY_INT.matcher(text).matches()) {
      return Integer.parseInt(text.strip().replace("_", ""));
    }
    Matcher m = WORD_WITH_OFFSET.matcher(text);
    if (!m.lookingAt()) {
      throw new IllegalArgumentException("signal invalid");
    }
    String name = m.group(1).toUpperCase(Locale.ROOT);
    if (!name.startsWith("SIG")) {
      name = "SIG" + name;
    }
    Integer number = BY_NAME.get(name);
    if (number == null) {
      throw new IllegalArgumentException("unknown signal " + name);
    }
    return m.group(3) == null ? number : number + Integer.parseInt(m.group(3));
  }

  /** Resolves a JSON value: a number is taken as is, text by {@link #parse(String)}. */
  public static int parse(Object value) {
    if (value instanceof Number n) return n.intValue();
    if (value instanceof Boolean b) return b ? 1 : 0;
    if (value instanceof String s) return parse(s);
    throw new IllegalArgumentException("signal invalid");
  }

  /** {@code SIGTERM} for 15; {@code SIGRTMIN+N} for real-time signals; empty if unknown. */
  public static Optional<String> name(int signal) {
    if (BY_NUMBER.containsKey(signal)) return Optional.of(BY_NUMBER.get(signal));
    if (signal >= 34 && signal <= 64) return Optional.of(signal == 34 ? "SIGRTMIN" : "SIGRTMIN+" + (signal - 34));
    return Optional.empty();
  }

  /** True for 1..64, the signals Linux knows. */
  public static boolean isValid(int signal) {
    return signal >= 1 && signal <= 64;
  }
}
