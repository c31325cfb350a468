package io.circus.cli.ctl;

import java.util.List;
import java.util.Map;

/** The words after a command's name and the command options given with them. */
record Arguments(List<String> positionals, Map<String, String> options) {

  Arguments {
    positionals = List.copyOf(positionals);
    options = Map.copyOf(options);
  }

  int count() {
    return positionals.size();
  }

  String get(int index) {
    return positionals.get(index);
  }

  /** Whether {@code --name} was given. */
  boolean given(String name) {
    return options.containsKey(name);
  }

  /** The value of {@code --name}, or {@code otherwise} when it was not given. */
  String value(String name, String otherwise) {
    return options.getOrDefault(name, otherwise);
  }

  /** Fails with {@code message} unless there are {@code min} to {@code max} words. */
  void requireCount(int min, int max, String message) throws ArgumentError {
    if (count() < min || count() > max) {
      throw new ArgumentError(message);
    }
  }
}
