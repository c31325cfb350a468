package io.circus.cli.ctl;

import io.vertx.core.json.JsonObject;

/** {@code options NAME}: every option of a watcher, as {@code key: value} lines. */
final class Options extends ControllerCommand {

  Options() {
    super("options", "Get the value of all options for a watcher", "<name>",
        """
            Prints every option of the watcher, one "key: value" line each, sorted by key:
            numprocesses, cmd, args, env, graceful_timeout, stop_signal, ... and its own extra
            options. `circusctl set` changes them.""");
  }

  @Override
  JsonObject properties(Arguments arguments) throws ArgumentError {
    arguments.requireCount(1, 1, "number of arguments invalid");
    return new JsonObject().put("name", arguments.get(0));
  }

  @Override
  String render(JsonObject reply) {
    return isOk(reply) ? OptionLines.render(reply.getJsonObject("options")) : errorLine(reply);
  }
}
