package io.circus.config;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** What validation found: every error, the warnings, and the inactive options met (each once). */
final class Diagnostics {

  private final List<ConfigError> errors = new ArrayList<>();
  private final List<String> warnings = new ArrayList<>();
  private final Set<String> inactive = new LinkedHashSet<>();

  Diagnostics(List<String> loadWarnings) {
    warnings.addAll(loadWarnings);
  }

  void error(ConfigError error) {
    errors.add(error);
  }

  void warn(String warning) {
    warnings.add(warning);
  }

  void inactive(String section, String option) {
    inactive.add(option == null ? "[" + section + "]" : "[" + section + "] " + option);
  }

  int errorCount() {
    return errors.size();
  }

  List<String> warnings() {
    return warnings;
  }

  List<String> inactive() {
    return List.copyOf(inactive);
  }

  /** @throws ConfigException with every error found, if any */
  void throwIfErrors() {
    if (!errors.isEmpty()) throw new ConfigException(errors);
  }
}
