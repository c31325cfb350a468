package io.circus.plugins.bundled;

import io.circus.plugins.PluginOptions;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The flapping settings that apply to one watcher: the plugin's options, overridden by the
 * watcher's own {@code flapping.<option>} keys.
 */
record FlappingRules(int attempts, double window, double retryIn, int maxRetry, boolean active, boolean backoff,
    double backoffMax) {

  static final String PREFIX = "flapping.";
  static final int UNLIMITED = -1;

  static FlappingRules read(PluginOptions options) {
    return new FlappingRules(options.integer("attempts", 2, 1), options.number("window", 1.0),
        options.number("retry_in", 7.0), options.integer("max_retry", 5, UNLIMITED), options.bool("active", true),
        options.bool("backoff", false), options.seconds("backoff_max", 300.0));
  }

  /**
   * These rules overridden by the {@code flapping.*} keys among a watcher's options (the reply of
   * the {@code options} command).
   */
  FlappingRules overriddenBy(Map<String, Object> watcherOptions) {
    Map<String, String> merged = new LinkedHashMap<>(asOptions());
    watcherOptions.forEach((key, value) -> {
      if (key.startsWith(PREFIX) && value != null) {
        merged.put(key.substring(PREFIX.length()), String.valueOf(value));
      }
    });
    return read(new PluginOptions(merged));
  }

  /** The delay before the next start after flapping number {@code tries} (1 for the first). */
  double delayBeforeRetry(int tries) {
    if (!backoff) {
      return retryIn;
    }
    return Math.min(backoffMax, retryIn * Math.pow(2, Math.max(0, tries - 1)));
  }

  /** Whether flapping number {@code tries} still gets a retry (back-off never gives up). */
  boolean retries(int tries) {
    return backoff || maxRetry == UNLIMITED || tries <= maxRetry;
  }

  private Map<String, String> asOptions() {
    Map<String, String> options = new LinkedHashMap<>();
    options.put("attempts", String.valueOf(attempts));
    options.put("window", String.valueOf(window));
    options.put("retry_in", String.valueOf(retryIn));
    options.put("max_retry", String.valueOf(maxRetry));
    options.put("active", String.valueOf(active));
    options.put("backoff", String.valueOf(backoff));
    options.put("backoff_max", String.valueOf(backoffMax));
    return options;
  }
}
