package io.circus.cli.ctl;

import io.vertx.core.json.JsonObject;
import java.util.List;

/**
 * {@code start}/{@code stop}/{@code restart [NAME] [--waiting] [--match M]}: properties
 * {@code name} (when given), {@code waiting}, {@code match} ({@code glob} unless told).
 */
abstract class SelectionCommand extends ControllerCommand {

  SelectionCommand(String name, String summary, String description) {
    super(name, summary, "[<name>] [--waiting] [--match simple|glob|regex]", description);
  }

  @Override
  public List<Flag> flags() {
    return List.of(Flag.WAITING,
        Flag.valued("match", "METHOD", "how <name> matches watchers: simple, glob (default) or regex"));
  }

  @Override
  JsonObject properties(Arguments arguments) throws ArgumentError {
    arguments.requireCount(0, 1, "Invalid number of arguments");
    return optionalName(arguments).put("waiting", arguments.given("waiting"))
        .put("match", arguments.value("match", "glob"));
  }
}
