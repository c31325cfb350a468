package io.circus.config;

import java.util.List;
import java.util.Optional;

/**
 * A section of an INI document: its header, where the header first appeared, and its options in
 * reading order. After merging ({@link IniDocument}) a key appears once, with its first value.
 */
public record IniSection(String name, String file, int line, List<IniOption> options) {

  public static final String DEFAULT = "DEFAULT";

  public IniSection {
    options = List.copyOf(options);
  }

  public Optional<IniOption> option(String key) {
    return options.stream().filter(o -> o.key().equals(key)).findFirst();
  }

  /** {@code file:line} of the header, for messages and spec sources. */
  public String origin() {
    return file + ":" + line;
  }
}
