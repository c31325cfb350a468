package io.circus.cli.ctl;

import java.util.List;

/**
 * A circusctl command: what {@code --help} says about it and which options it takes. Most talk
 * to circusd's command channel ({@link ControllerCommand}); {@link Listen} reads its events.
 */
public sealed interface CtlCommand permits ControllerCommand, Listen {

  String name();

  /** One line, for the list of commands. */
  String summary();

  /** The arguments, for the usage line: {@code <name> [<nb>]}. */
  String usage();

  /** What it does, in a few lines. */
  String description();

  default List<Flag> flags() {
    return List.of();
  }

  /** Whether the first argument is a watcher name (the interactive shell completes those). */
  default boolean takesWatcherName() {
    return usage().startsWith("<name>") || usage().startsWith("[<name>");
  }
}
