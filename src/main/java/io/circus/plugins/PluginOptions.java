package io.circus.plugins;

import io.circus.config.Values;
import io.circus.process.Signals;
import io.vertx.core.json.JsonObject;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * A plugin's configuration: the keys of its {@code [plugin:NAME]} section (or of
 * {@code circus-plugin --config}), as text, read with typed getters. A value that does not fit
 * throws {@link PluginOptionException} naming the option, the value and what was expected; circusd
 * checks every plugin's options this way before it starts, so such errors stop it at once.
 */
public final class PluginOptions {

  private final Map<String, String> values;

  public PluginOptions(Map<String, String> values) {
    this.values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
  }

  public static PluginOptions fromJson(JsonObject config) {
    Map<String, String> values = new LinkedHashMap<>();
    config.forEach(e -> values.put(e.getKey(), String.valueOf(e.getValue())));
    return new PluginOptions(values);
  }

  public Map<String, String> asMap() {
    return values;
  }

  public JsonObject toJson() {
    return new JsonObject(new LinkedHashMap<>(values));
  }

  public boolean has(String key) {
    return values.containsKey(key);
  }

  public Optional<String> optional(String key) {
    return Optional.ofNullable(values.get(key));
  }

  public String string(String key, String fallback) {
    return values.getOrDefault(key, fallback);
  }

  public int integer(String key, int fallback) {
    return parse(key, fallback, v -> Values.integer(v, Integer.MIN_VALUE, Integer.MAX_VALUE));
  }

  /** An integer of at least {@code min}. */
  public int integer(String key, int fallback, int min) {
    return parse(key, fallback, v -> Values.integer(v, min, Integer.MAX_VALUE));
  }

  public double number(String key, double fallback) {
    return parse(key, fallback, v -> Values.number(v, Double.NEGATIVE_INFINITY));
  }

  /** A number of seconds more than 0. */
  public double seconds(String key, double fallback) {
    return parse(key, fallback, v -> {
      double seconds = Values.number(v, 0);
      if (seconds <= 0) throw new IllegalArgumentException("a number of seconds more than 0");
      return seconds;
    });
  }

  public boolean bool(String key, boolean fallback) {
    return parse(key, fallback, Values::bool);
  }

  /** A signal name or number ({@code TERM}, {@code SIGKILL}, {@code 15}). */
  public int signal(String key, int fallback) {
    return parse(key, fallback, v -> {
      int signal = Signals.parse(v.strip());
      if (!Signals.isValid(signal)) throw new IllegalArgumentException("a signal name or number such as TERM or 15");
      return signal;
    });
  }

  /** A Java regular expression (Python's {@code re} syntax for the common cases). */
  public Pattern regex(String key, String fallback) {
    return parse(key, Pattern.compile(fallback), v -> {
      try {
        return Pattern.compile(v);
      } catch (PatternSyntaxException e) {
        throw new IllegalArgumentException("a regular expression (" + e.getDescription() + ")");
      }
    });
  }

  /**
   * A size in bytes written as Circus's {@code human2bytes} reads it: a number with an optional
   * unit K, M, G, T, P, E, Z or Y (powers of 1024; {@code 512M}, {@code 1.5G}).
   */
  public long bytes(String key, long fallback) {
    return parse(key, fallback, PluginOptions::bytes);
  }

  static long bytes(String text) {
    String t = text.strip().toUpperCase(Locale.ROOT);
    if (t.endsWith("B")) {
      t = t.substring(0, t.length() - 1);
    }
    String units = "KMGTPEZY";
    int power = t.isEmpty() ? 0 : units.indexOf(t.charAt(t.length() - 1)) + 1;
    if (power > 0) {
      t = t.substring(0, t.length() - 1).strip();
    }
    try {
      return Math.round(Values.number(t, 0) * Math.pow(1024, power));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("a size such as 512M, 1.5G or 1048576 (bytes)");
    }
  }

  private <T> T parse(String key, T fallback, java.util.function.Function<String, T> parser) {
    String value = values.get(key);
    if (value == null) return fallback;
    try {
      return parser.apply(value);
    } catch (IllegalArgumentException e) {
      throw new PluginOptionException(key, value, e.getMessage());
    }
  }
}
