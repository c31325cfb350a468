package io.circus.cli.ctl;

import io.vertx.core.json.JsonObject;

/** {@code globaloptions [OPTION]}: the daemon's options; an error prints the bare reason. */
final class GlobalOptions extends ControllerCommand {

  GlobalOptions() {
    super("globaloptions", "Get the arbiter options", "[<option>]",
        """
            Prints circusd's own options: endpoint, stats_endpoint, pubsub_endpoint, check_delay
            and multicast_endpoint, or only the one named.""");
  }

  @Override
  JsonObject properties(Arguments arguments) throws ArgumentError {
    arguments.requireCount(0, 1, "Invalid number of arguments");
    JsonObject properties = new JsonObject();
    if (arguments.count() == 1) properties.put("option", arguments.get(0));
    return properties;
  }

  @Override
  String render(JsonObject reply) {
    return isOk(reply) ? OptionLines.render(reply.getJsonObject("options")) : PythonText.str(reply.getValue("reason"));
  }
}
