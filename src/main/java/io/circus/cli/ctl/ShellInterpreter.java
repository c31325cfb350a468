package io.circus.cli.ctl;

import io.circus.config.ShellWords;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Runs the lines typed in circusctl's shell: each is a command line without "circusctl"
 * ({@code incr web 2 --waiting}), split like a shell would; {@code help [COMMAND]} and {@code ?}
 * show help; a line that does not start with a command gets {@code *** Unknown syntax: LINE}.
 * Errors are printed and the shell goes on.
 *
 * <p>Unlike circusctl 0.19: an empty line does nothing (0.19 repeats the previous command, which
 * is surprising after {@code incr} or {@code quit}), and a bad line no longer ends the shell.
 */
final class ShellInterpreter {

  /** Options that belong to the whole session: they cannot change from one line to the next. */
  private static final Set<String> SESSION_OPTIONS = Set.of("endpoint", "config", "timeout", "ssh", "ssh_keyfile",
      "version");

  private final Session session;
  private final Console console;
  private final Session.Style style;

  ShellInterpreter(Session session, Console console, Session.Style style) {
    this.session = session;
    this.console = console;
    this.style = style;
  }

  /** What the shell prints first: circusctl's version and the watchers' status. */
  void greet(String version) {
    console.out().println(version);
    console.out().flush();
    session.run(Commands.named("status"), new Arguments(List.of(), Map.of()), style);
    console.out().flush();
  }

  void execute(String line) {
    try {
      List<String> words = ShellWords.split(line);
      if (words.isEmpty()) return;
      if (words.get(0).equals("help") || words.get(0).equals("?")) {
        help(words);
      } else if (!Commands.exists(words.get(0))) {
        console.out().println("*** Unknown syntax: " + line.strip());
      } else {
        run(CommandLineParser.parse(words));
      }
    } catch (IllegalArgumentException unbalancedQuote) {
      console.err().println(unbalancedQuote.getMessage());
    } catch (UsageError e) {
      console.err().println(Help.USAGE + "\ncircusctl: error: " + e.getMessage());
    } finally {
      console.out().flush();
      console.err().flush();
    }
  }

  /** Commands and watcher names, for completion. */
  Session session() {
    return session;
  }

  private void run(Invocation invocation) {
    if (invocation.help()) {
      console.out().print(Help.of(invocation.command()));
      return;
    }
    for (String option : invocation.globals().keySet()) {
      if (SESSION_OPTIONS.contains(option)) {
        console.err().println("--" + option + " applies to the whole session: give it when starting circusctl");
        return;
      }
    }
    Session.Style lineStyle = new Session.Style(style.json() || invocation.json(), style.prettify() || invocation.prettify());
    session.run(invocation.command(), invocation.arguments(), lineStyle);
  }

  private void help(List<String> words) {
    if (words.size() > 1 && Commands.exists(words.get(1))) {
      console.out().print(Help.of(Commands.named(words.get(1))));
    } else {
      console.out().print(Help.overview());
    }
  }
}
