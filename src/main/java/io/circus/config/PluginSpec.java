package io.circus.config;

import java.util.Map;

/**
 * A {@code [plugin:NAME]} section: the class named by {@code use} and every other key of the
 * section, as text, in configuration order (the plugin's configuration). {@code name} is NAME,
 * without the {@code plugin:} prefix; {@code source} is where the section was declared
 * ({@code file:line}), or null.
 *
 * <p>As in Circus, a plugin runs as a watcher named {@code plugin:NAME}: {@code watcher} is that
 * watcher's spec, singleton and priority 1 unless the section says otherwise, with the section's
 * watcher options ({@code max_retry}, {@code priority}, {@code singleton}, {@code numprocesses},
 * {@code autostart}, {@code respawn}, {@code graceful_timeout}); {@code active = false} registers
 * it without starting it.
 */
public record PluginSpec(String name, String use, Map<String, String> options, WatcherSpec watcher, String source) {

  /** The prefix of a plugin's watcher name. */
  public static final String WATCHER_PREFIX = "plugin:";

  public PluginSpec {
    options = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(options));
  }

  /** The same plugin with another source (the diff compares plugins without it). */
  public PluginSpec withSource(String newSource) {
    return new PluginSpec(name, use, options, watcher.toBuilder().source(newSource).build(), newSource);
  }

  /** {@code plugin:NAME}. */
  public String watcherName() {
    return watcher.name();
  }
}
