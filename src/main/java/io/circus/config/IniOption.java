package io.circus.config;

/** One {@code key = value} of an INI file, with the file and line it was read from. */
public record IniOption(String key, String value, String file, int line) {

  IniOption withValue(String newValue) {
    return new IniOption(key, newValue, file, line);
  }
}
