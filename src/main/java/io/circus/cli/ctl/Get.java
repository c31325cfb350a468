package io.circus.cli.ctl;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/** {@code get NAME KEY...}: some options of a watcher, as {@code key: value} lines. */
final class Get extends ControllerCommand {

  Get() {
    super("get", "Get the value of specific watcher options", "<name> <key>...",
        """
            Prints the current value of each option named (numprocesses, cmd, env, ...), one
            "key: value" line each, in the order asked. `circusctl options NAME` lists them all.""");
  }

  @Override
  JsonObject properties(Arguments arguments) throws ArgumentError {
    arguments.requireCount(2, Integer.MAX_VALUE, "Invalid number of arguments");
    return new JsonObject().put("name", arguments.get(0))
        .put("keys", new JsonArray(arguments.positionals().subList(1, arguments.count())));
  }

  @Override
  String render(JsonObject reply) {
    return isOk(reply) ? OptionLines.render(reply.getJsonObject("options")) : errorLine(reply);
  }
}
