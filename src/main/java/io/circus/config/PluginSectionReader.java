package io.circus.config;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A {@code [plugin:NAME]} section into a {@link PluginSpec}: {@code use} names the plugin class;
 * every other key is passed on as text, the plugin's configuration. The options of the watcher a
 * plugin runs as are checked here, with Circus's plugin defaults (singleton, priority 1).
 */
final class PluginSectionReader {

  private static final String USE = "use";
  private static final int DEFAULT_PRIORITY = 1;
  private static final WatcherSpec DEFAULTS = WatcherSpec.builder("defaults").cmd("").build();

  private PluginSectionReader() {
  }

  static Optional<PluginSpec> read(String name, SectionOptions o) {
    int errorsBefore = o.diagnostics().errorCount();
    String use = o.text(USE).map(String::strip).orElse("");
    if (use.isEmpty()) o.invalid(USE, "the plugin class to use (use) is required");
    WatcherSpec watcher = watcher(name, use, o);
    o.option("hang_timeout").ifPresent(t -> o.parse(t, 0.0, PluginSectionReader::positiveSeconds));
    Map<String, String> options = new LinkedHashMap<>();
    o.all().stream().filter(option -> !option.key().equals(USE)).forEach(option -> options.put(option.key(), o.valueOf(option)));
    if (o.diagnostics().errorCount() != errorsBefore) return Optional.empty();
    return Optional.of(new PluginSpec(name, use, options, watcher, o.origin()));
  }

  private static WatcherSpec watcher(String name, String use, SectionOptions o) {
    boolean singleton = o.value("singleton", true, Values::bool);
    int numprocesses = o.value("numprocesses", 1, v -> Values.integer(v, 0, Integer.MAX_VALUE));
    if (singleton && numprocesses > 1) {
      o.invalid("numprocesses", "at most 1 for a singleton plugin (plugins are singletons unless singleton = false)");
      numprocesses = 1;
    }
    boolean active = o.value("active", true, Values::bool);
    return WatcherSpec.builder(PluginSpec.WATCHER_PREFIX + name).cmd(use.isEmpty() ? "-" : use).source(o.origin())
        .singleton(singleton).numprocesses(numprocesses)
        .priority(o.value("priority", DEFAULT_PRIORITY, v -> Values.integer(v, Integer.MIN_VALUE, Integer.MAX_VALUE)))
        .maxRetry(o.value("max_retry", DEFAULTS.maxRetry(), v -> Values.integer(v, -1, Integer.MAX_VALUE)))
        .autostart(active && o.value("autostart", DEFAULTS.autostart(), Values::bool))
        .respawn(o.value("respawn", DEFAULTS.respawn(), Values::bool))
        .gracefulTimeout(o.value("graceful_timeout", DEFAULTS.gracefulTimeout(), v -> Values.number(v, 0)))
        .build();
  }

  private static double positiveSeconds(String value) {
    double seconds = Values.number(value, 0);
    if (seconds <= 0) throw new IllegalArgumentException("a number of seconds more than 0");
    return seconds;
  }
}
