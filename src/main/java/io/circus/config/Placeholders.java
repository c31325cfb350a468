package io.circus.config;

import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Circus's {@code $(circus.KEY)} and {@code ((circus.KEY))} placeholders (the replacement is
 * case-insensitive), plus the deprecated {@code $WID}. KEY is a dotted name of word characters,
 * dots and dashes: {@code wid}, {@code env.PATH}, {@code sockets.web-1}, {@code numprocesses}.
 */
public final class Placeholders {

  private static final String KEY = "([\\w.-]+)";
  private static final Pattern PLACEHOLDER = Pattern.compile(
      "\\$\\(circus\\." + KEY + "\\)|\\(\\(circus\\." + KEY + "\\)\\)",
      Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CHARACTER_CLASS);
  // Circus replaces the text "$WID" anywhere; a following word character is kept out here so that
  // "$WIDTH" in a shell command stays as written.
  private static final Pattern DEPRECATED_WID = Pattern.compile("\\$WID(?![\\w])", Pattern.UNICODE_CHARACTER_CLASS);
  private static final String SOCKETS = "sockets.";

  private Placeholders() {
  }

  /**
   * Replaces every placeholder whose key (lower-cased, without {@code circus.}) is in
   * {@code variables}, keyed like {@code "wid"}, {@code "env.path"}, {@code "sockets.web"}; other
   * placeholders are left as they are. {@code $WID} is replaced by {@code variables.get("wid")}.
   */
  public static String replace(String text, Map<String, ?> variables) {
    Map<String, Object> byKey = new HashMap<>();
    variables.forEach((key, value) -> byKey.put(key.toLowerCase(Locale.ROOT), value));
    Matcher m = PLACEHOLDER.matcher(text);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      Object value = byKey.get(keyOf(m));
      m.appendReplacement(out, Matcher.quoteReplacement(value == null ? m.group() : String.valueOf(value)));
    }
    m.appendTail(out);
    Object wid = byKey.get("wid");
    return wid == null ? out.toString()
        : DEPRECATED_WID.matcher(out).replaceAll(Matcher.quoteReplacement(String.valueOf(wid)));
  }

  /** The socket names (lower-cased) that {@code $(circus.sockets.NAME)} placeholders in {@code text} use. */
  public static Set<String> socketNames(String text) {
    Set<String> names = new LinkedHashSet<>();
    Matcher m = PLACEHOLDER.matcher(text);
    while (m.find()) {
      String key = keyOf(m);
      if (key.startsWith(SOCKETS) && key.length() > SOCKETS.length()) names.add(key.substring(SOCKETS.length()));
    }
    return names;
  }

  private static String keyOf(Matcher placeholder) {
    String key = placeholder.group(1) != null ? placeholder.group(1) : placeholder.group(2);
    return key.toLowerCase(Locale.ROOT);
  }
}
