package io.circus.config;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A {@code [plugin:NAME]} section into a {@link PluginSpec}: {@code use} names the plugin class;
 * every other key is passed on as text ({@code priority} must be an integer, as Circus converts it).
 */
final class PluginSectionReader {

  private static final String USE = "use";
  private static final String PRIORITY = "priority";

  private PluginSectionReader() {
  }

  static Optional<PluginSpec> read(String name, SectionOptions o) {
    int errorsBefore = o.diagnostics().errorCount();
    String use = o.text(USE).map(String::strip).orElse("");
    if (use.isEmpty()) o.invalid(USE, "the plugin class to use (use) is required");
    o.option(PRIORITY).ifPresent(p -> o.parse(p, 0, v -> Values.integer(v, Integer.MIN_VALUE, Integer.MAX_VALUE)));
    Map<String, String> options = new LinkedHashMap<>();
    o.all().stream().filter(option -> !option.key().equals(USE)).forEach(option -> options.put(option.key(), o.valueOf(option)));
    return o.diagnostics().errorCount() == errorsBefore ? Optional.of(new PluginSpec(name, use, options, o.origin())) : Optional.empty();
  }
}
