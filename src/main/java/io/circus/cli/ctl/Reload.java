package io.circus.cli.ctl;

import io.vertx.core.json.JsonObject;
import java.util.List;

/** {@code reload [NAME] [--terminate] [--waiting] [--sequential]}. */
final class Reload extends ControllerCommand {

  Reload() {
    super("reload", "Reload the arbiter or a watcher", "[<name>] [--terminate] [--waiting] [--sequential]",
        """
            Replaces the processes of a watcher (of every watcher without a name): new ones
            are started, then the old ones stopped; one after the other with --sequential.
            A watcher with send_hup gets SIGHUP instead. --terminate restarts (stop, then start).""");
  }

  @Override
  public List<Flag> flags() {
    return List.of(Flag.WAITING, Flag.toggle("sequential", "replace the processes one at a time"),
        Flag.toggle("terminate", "stop then start instead of a graceful reload"));
  }

  @Override
  JsonObject properties(Arguments arguments) throws ArgumentError {
    arguments.requireCount(0, 1, "invalid number of arguments");
    return optionalName(arguments).put("graceful", !arguments.given("terminate"))
        .put("waiting", arguments.given("waiting")).put("sequential", arguments.given("sequential"));
  }
}
