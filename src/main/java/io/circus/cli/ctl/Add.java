package io.circus.cli.ctl;

import io.vertx.core.json.JsonObject;
import java.util.List;

/** {@code add [--start] NAME COMMAND...}: creates a watcher; the words after the name are its command line. */
final class Add extends ControllerCommand {

  Add() {
    super("add", "Add a watcher", "[--start] <name> <cmd>...",
        """
            Creates a watcher named <name> running <cmd> (the remaining words, joined with
            spaces). It stays stopped unless --start is given. Put -- before a command line
            that has options of its own: add web -- python3 -m http.server --bind 127.0.0.1""");
  }

  @Override
  public List<Flag> flags() {
    return List.of(Flag.toggle("start", "start the watcher at once"));
  }

  @Override
  JsonObject properties(Arguments arguments) throws ArgumentError {
    arguments.requireCount(2, Integer.MAX_VALUE, "Invalid number of arguments");
    List<String> words = arguments.positionals();
    return new JsonObject().put("name", words.get(0)).put("cmd", String.join(" ", words.subList(1, words.size())))
        .put("start", arguments.given("start"));
  }
}
