package io.circus.config;

import java.util.List;

/**
 * The {@code args} of a watcher, as configured: either one text that is split like a POSIX
 * shell at spawn time (the config-file form), or a list of words kept as they are (the form
 * the {@code add} command may send).
 */
public sealed interface CommandArgs {

  CommandArgs NONE = new Text("");

  /** Shell-split at spawn time, after {@code $(circus.*)} substitution. */
  record Text(String text) implements CommandArgs {
    public Text {
      if (text == null) throw new IllegalArgumentException("args text must not be null");
    }
  }

  /** Each word is substituted but never split. */
  record Words(List<String> words) implements CommandArgs {
    public Words {
      words = List.copyOf(words);
    }
  }
}
