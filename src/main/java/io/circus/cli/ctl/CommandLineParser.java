package io.circus.cli.ctl;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Parses circusctl's command line with the rules of Python's argparse, which circusctl 0.19
 * uses: global options, then a command and its words and options; {@code --name=value}; unique
 * prefixes ({@code --wait} for {@code --waiting}); {@code --} ends the options; a negative number
 * is a word. Unknown words and options are reported together ("unrecognized arguments: ...").
 *
 * <p>Two liberties argparse does not take: command options may come between the words
 * ({@code signal web --children HUP}), and global options after the command
 * ({@code list --json}); both only accept what argparse would otherwise refuse.
 */
final class CommandLineParser {

  static final List<Flag> GLOBAL_OPTIONS = List.of(
      Flag.valued("endpoint", "ENDPOINT",
          "circusd's endpoint (default: $CIRCUSCTL_ENDPOINT or tcp://127.0.0.1:5555; for listen, its events endpoint)"),
      Flag.valued("config", "FILE", "read the endpoints from circusd's configuration file (circus.ini)"),
      Flag.valued("timeout", "SECONDS", "how long to wait for an answer (default: 5)"),
      Flag.toggle("json", "print the reply as JSON"),
      Flag.toggle("prettify", "with --json: indented, sorted, coloured on a terminal"),
      Flag.valued("ssh", "USER@HOST:PORT", "SSH tunnelling (not supported: forward the port with ssh -L)"),
      Flag.valued("ssh_keyfile", "FILE", "key file for --ssh"),
      Flag.toggle("help", "show this help, or a command's, and exit"),
      Flag.toggle("version", "show the version and exit"));

  private static final Pattern NEGATIVE_NUMBER = Pattern.compile("-\\d+|-\\d*\\.\\d+");

  private final Map<String, String> globals = new LinkedHashMap<>();
  private final Map<String, String> options = new LinkedHashMap<>();
  private final List<String> words = new ArrayList<>();
  private final List<String> unrecognized = new ArrayList<>();
  private CtlCommand command;

  private CommandLineParser() {
  }

  static Invocation parse(List<String> tokens) throws UsageError {
    CommandLineParser parser = new CommandLineParser();
    parser.read(tokens);
    if (!parser.unrecognized.isEmpty() && !parser.globals.containsKey("version")) {
      throw new UsageError("unrecognized arguments: " + String.join(" ", parser.unrecognized));
    }
    parser.checkTimeout();
    return new Invocation(parser.globals, parser.command, new Arguments(parser.words, parser.options));
  }

  private void read(List<String> tokens) throws UsageError {
    boolean onlyWords = false;
    for (int i = 0; i < tokens.size(); i++) {
      String token = tokens.get(i);
      if (onlyWords || !looksLikeOption(token)) {
        word(token, tokens.subList(i + 1, tokens.size()));
      } else if (token.equals("--")) {
        onlyWords = true;
      } else if (token.equals("-h")) {
        globals.put("help", "true");
      } else if (!token.startsWith("--")) {
        Flag flag = shortFlag(token);
        if (flag == null) {
          unrecognized.add(token);
        } else {
          List<String> spelledOut = new ArrayList<>(tokens);
          spelledOut.set(i, "--" + flag.name());
          i = option(spelledOut, i);
        }
      } else {
        i = option(tokens, i);
      }
    }
  }

  private void word(String token, List<String> rest) throws UsageError {
    if (command != null) {
      words.add(token);
    } else if (Commands.exists(token)) {
      command = Commands.named(token);
    } else if (rest.stream().anyMatch(Commands::exists)) {
      throw new UsageError("argument command: invalid choice: " + PythonText.repr(token) + " (choose from "
          + Commands.NAMES.stream().map(PythonText::repr).collect(Collectors.joining(", ")) + ")");
    } else {
      unrecognized.add(token);
    }
  }

  /** Reads the option at {@code index} (and its value); returns the index of the last token used. */
  private int option(List<String> tokens, int index) throws UsageError {
    String token = tokens.get(index);
    String name = token.substring(2);
    String inlineValue = null;
    int equals = name.indexOf('=');
    if (equals >= 0) {
      inlineValue = name.substring(equals + 1);
      name = name.substring(0, equals);
    }
    Flag flag = command == null ? null : resolve(name, command.flags());
    boolean global = flag == null;
    if (global) flag = resolve(name, GLOBAL_OPTIONS);
    if (flag == null) {
      unrecognized.add(token);
      return index;
    }
    String value = "true";
    if (flag.takesValue()) {
      if (inlineValue != null) {
        value = inlineValue;
      } else if (index + 1 < tokens.size() && !looksLikeOption(tokens.get(index + 1))) {
        value = tokens.get(++index);
      } else {
        throw new UsageError("argument --" + flag.name() + ": expected one argument");
      }
    } else if (inlineValue != null) {
      throw new UsageError("argument --" + flag.name() + ": ignored explicit argument " + PythonText.repr(inlineValue));
    }
    (global ? globals : options).put(flag.name(), value);
    return index;
  }

  /** The command's flag written {@code -x}; null when it has none. */
  private Flag shortFlag(String token) {
    if (command == null) return null;
    return command.flags().stream().filter(f -> token.equals("-" + f.shortName())).findFirst().orElse(null);
  }

  /** The flag called {@code name}, or the only one it is a prefix of; null when none. */
  private static Flag resolve(String name, List<Flag> flags) throws UsageError {
    List<Flag> prefixed = new ArrayList<>();
    for (Flag flag : flags) {
      if (flag.name().equals(name)) return flag;
      if (!name.isEmpty() && flag.name().startsWith(name)) prefixed.add(flag);
    }
    if (prefixed.size() > 1) {
      throw new UsageError("ambiguous option: --" + name + " could match "
          + prefixed.stream().map(flag -> "--" + flag.name()).collect(Collectors.joining(", ")));
    }
    return prefixed.isEmpty() ? null : prefixed.get(0);
  }

  private static boolean looksLikeOption(String token) {
    return token.startsWith("-") && token.length() > 1 && !NEGATIVE_NUMBER.matcher(token).matches();
  }

  private void checkTimeout() throws UsageError {
    String timeout = globals.get("timeout");
    if (timeout == null) return;
    double seconds;
    try {
      seconds = PythonNumbers.parseFloat(timeout);
    } catch (ArgumentError e) {
      seconds = Double.NaN;
    }
    if (!(seconds >= 0)) {
      throw new UsageError("argument --timeout: invalid number of seconds: " + PythonText.repr(timeout));
    }
    globals.put("timeout", Double.toString(seconds));
  }
}
