package io.circus.cli.ctl;

import io.vertx.core.json.JsonObject;
import java.util.List;

/**
 * {@code incr}/{@code decr NAME [NB] [--waiting]}: properties {@code name}, {@code nb} (when
 * given), {@code waiting}; prints the new count when the daemon sends one, else {@code ok}.
 */
abstract class ProcessCountCommand extends ControllerCommand {

  ProcessCountCommand(String name, String summary, String description) {
    super(name, summary, "<name> [<nb>] [--waiting]", description);
  }

  static final String SINGLETON = "This watcher is a Singleton - not changing the number of processes";

  @Override
  public List<Flag> flags() {
    return List.of(Flag.WAITING);
  }

  @Override
  JsonObject properties(Arguments arguments) throws ArgumentError {
    arguments.requireCount(1, 2, "Invalid number of arguments");
    JsonObject properties = new JsonObject().put("name", arguments.get(0));
    if (arguments.count() > 1) properties.put("nb", PythonNumbers.parseInt(arguments.get(1)));
    return properties.put("waiting", arguments.given("waiting"));
  }

  @Override
  String render(JsonObject reply) {
    if (!isOk(reply)) return errorLine(reply);
    if (reply.containsKey("singleton")) return SINGLETON;
    return reply.containsKey("numprocesses") ? PythonText.str(reply.getValue("numprocesses")) : "ok";
  }
}
