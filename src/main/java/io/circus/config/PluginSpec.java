package io.circus.config;

import java.util.Map;

/**
 * A {@code [plugin:NAME]} section: the class named by {@code use} and every other key of the
 * section, as text, in configuration order. The watcher-like options a plugin honours
 * ({@code priority}, {@code singleton}, {@code max_retry}, ...) are read from {@code options} by
 * the plugin runtime. {@code name} is NAME, without the {@code plugin:} prefix; {@code source} is
 * where the section was declared ({@code file:line}), or null.
 */
public record PluginSpec(String name, String use, Map<String, String> options, String source) {
  public PluginSpec {
    options = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(options));
  }

  /** The same plugin with another source (the diff compares plugins without it). */
  public PluginSpec withSource(String newSource) {
    return new PluginSpec(name, use, options, newSource);
  }
}
