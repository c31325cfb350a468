package io.circus.cli.ctl;

import java.util.ArrayList;
import java.util.List;

/**
 * The circusctl commands by name. A switch rather than a table of objects or lambdas: a
 * one-shot circusctl creates only the command it runs, which keeps start-up short.
 */
public final class Commands {

  /** Every command name, sorted. */
  public static final List<String> NAMES = List.of("add", "decr", "dstats", "get", "globaloptions", "incr", "ipython",
      "kill", "list", "listen", "listsockets", "numprocesses", "numwatchers", "options", "quit", "reload",
      "reloadconfig", "restart", "rm", "set", "signal", "start", "stats", "status", "stop", "tail");

  private Commands() {
  }

  static boolean exists(String name) {
    return NAMES.contains(name);
  }

  /** The command named {@code name}; null when there is none. */
  static CtlCommand named(String name) {
    switch (name) {
      case "add": return new Add();
      case "decr": return new Decr();
      case "dstats": return new Dstats();
      case "get": return new Get();
      case "globaloptions": return new GlobalOptions();
      case "incr": return new Incr();
      case "ipython": return new Ipython();
      case "kill": return new Kill();
      case "list": return new ListCommand();
      case "listen": return new Listen();
      case "listsockets": return new ListSockets();
      case "numprocesses": return new NumProcesses();
      case "numwatchers": return new NumWatchers();
      case "options": return new Options();
      case "quit": return new Quit();
      case "reload": return new Reload();
      case "reloadconfig": return new ReloadConfig();
      case "restart": return new Restart();
      case "rm": return new Rm();
      case "set": return new SetCommand();
      case "signal": return new Signal();
      case "start": return new Start();
      case "stats": return new Stats();
      case "status": return new Status();
      case "stop": return new Stop();
      case "tail": return new Tail();
      default: return null;
    }
  }

  static List<CtlCommand> all() {
    List<CtlCommand> commands = new ArrayList<>();
    NAMES.forEach(name -> commands.add(named(name)));
    return commands;
  }
}
