package io.circus.cli.ctl;

import java.util.List;

/** The texts of {@code circusctl --help} and {@code circusctl COMMAND --help}. */
final class Help {

  static final String USAGE = "usage: circusctl [options] command [args]";

  private Help() {
  }

  static String overview() {
    StringBuilder text = new StringBuilder(USAGE).append("\n\nControls a Circus daemon.\n\nCommands:\n");
    int width = Commands.NAMES.stream().mapToInt(String::length).max().orElse(0);
    for (CtlCommand command : Commands.all()) {
      text.append("  ").append(pad(command.name(), width + 2)).append(command.summary()).append('\n');
    }
    text.append("\nOptions:\n").append(options(CommandLineParser.GLOBAL_OPTIONS));
    text.append("""

        Without a command, circusctl prints the watchers' status and reads commands from
        its input (an interactive shell on a terminal). `circusctl COMMAND --help` tells
        more about a command.
        """);
    return text.toString();
  }

  static String of(CtlCommand command) {
    StringBuilder text = new StringBuilder("usage: circusctl [options] ").append(command.name());
    if (!command.usage().isEmpty()) text.append(' ').append(command.usage());
    text.append("\n\n").append(command.summary()).append(".\n\n").append(command.description()).append('\n');
    if (!command.flags().isEmpty()) {
      text.append("\nOptions:\n").append(options(command.flags()));
    }
    return text.toString();
  }

  private static String options(List<Flag> flags) {
    StringBuilder text = new StringBuilder();
    for (Flag flag : flags) {
      String name = (flag.shortName() == null ? "" : "-" + flag.shortName() + ", ") + "--" + flag.name()
          + (flag.takesValue() ? " " + flag.valueLabel() : "");
      text.append("  ").append(pad(name, 28)).append(flag.help()).append('\n');
    }
    return text.toString();
  }

  private static String pad(String text, int width) {
    return text.length() >= width ? text + " " : text + " ".repeat(width - text.length());
  }
}
