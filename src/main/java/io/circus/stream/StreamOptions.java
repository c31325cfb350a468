package io.circus.stream;

import io.circus.config.Values;
import java.util.Map;

/** The {@code stdout_stream.*} options of a builtin stream, typed; a bad value names its option. */
final class StreamOptions {

  private final Map<String, String> options;

  StreamOptions(Map<String, String> options) {
    this.options = options;
  }

  String text(String key, String fallback) {
    String value = options.get(key);
    return value == null || value.isBlank() ? fallback : value;
  }

  long number(String key, long fallback, long min) {
    String value = text(key, null);
    try {
      return value == null ? fallback : Values.integer(value, min, Long.MAX_VALUE);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(key + ": " + e.getMessage(), e);
    }
  }

  boolean flag(String key) {
    String value = text(key, null);
    try {
      return value != null && Values.bool(value);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(key + ": " + e.getMessage(), e);
    }
  }
}
