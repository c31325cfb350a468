package io.circus.cli.ctl;

import io.circus.cli.ProjectVersion;
import java.util.List;

/**
 * circusctl from its arguments to its exit status: usage errors (2), {@code --version},
 * {@code --help}, then one command, or the shell when no command is given.
 */
public final class Program {

  /** What circusctl 0.19 prints for {@code --version} and at the top of its shell. */
  public static final String VERSION = "circusctl 0.19.0";

  private Program() {
  }

  public static int run(List<String> args, Console console) {
    Invocation invocation;
    try {
      invocation = CommandLineParser.parse(args);
    } catch (UsageError e) {
      console.err().println(Help.USAGE + "\ncircusctl: error: " + e.getMessage());
      return 2;
    }
    if (invocation.given("version")) {
      console.out().println(VERSION + " (circus-jvm " + ProjectVersion.current() + ")");
      return 0;
    }
    if (invocation.help()) {
      console.out().print(invocation.command() == null ? Help.overview() : Help.of(invocation.command()));
      return 0;
    }
    if (invocation.given("ssh") || invocation.given("ssh_keyfile")) {
      console.err().println("circusctl: --ssh is not supported; forward the endpoint instead, e.g. "
          + "ssh -N -L 5555:127.0.0.1:5555 user@host, then --endpoint tcp://127.0.0.1:5555");
      return 1;
    }
    Endpoints endpoints;
    try {
      endpoints = Endpoints.of(invocation, console.env());
    } catch (ArgumentError e) {
      console.err().println("circusctl: " + e.getMessage());
      return 1;
    }
    Session.Style style = new Session.Style(invocation.json(), invocation.prettify());
    try (Session session = new Session(console, endpoints, invocation.timeout())) {
      if (invocation.command() != null) {
        return session.run(invocation.command(), invocation.arguments(), style);
      }
      shell(session, console, style);
      return 0;
    }
  }

  private static void shell(Session session, Console console, Session.Style style) {
    ShellInterpreter interpreter = new ShellInterpreter(session, console, style);
    interpreter.greet(VERSION);
    console.interruption().enterShell();
    if (console.terminal()) {
      TerminalShell.run(interpreter, console);
    } else {
      LineShell.run(interpreter, console);
    }
  }
}
