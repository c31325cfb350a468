package io.circus.cli.ctl;

import io.vertx.core.json.JsonObject;
import java.util.List;

/** A daemon-wide command whose only property is {@code waiting}: {@code quit}, {@code reloadconfig}. */
abstract class WaitingCommand extends ControllerCommand {

  WaitingCommand(String name, String summary, String description) {
    super(name, summary, "[--waiting]", description);
  }

  @Override
  public List<Flag> flags() {
    return List.of(Flag.WAITING);
  }

  @Override
  JsonObject properties(Arguments arguments) throws ArgumentError {
    arguments.requireCount(0, 0, "Invalid number of arguments");
    return new JsonObject().put("waiting", arguments.given("waiting"));
  }
}
