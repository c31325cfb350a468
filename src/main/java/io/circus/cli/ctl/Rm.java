package io.circus.cli.ctl;

import io.vertx.core.json.JsonObject;
import java.util.List;

/**
 * {@code rm NAME [--waiting] [--nostop]}.
 *
 * <p>circusctl 0.19 accepts both flags and sends neither (a client bug: the watcher is always
 * stopped, the call never waits). Here each is sent when given; {@code rm NAME} alone sends what
 * 0.19 sends.
 */
final class Rm extends ControllerCommand {

  Rm() {
    super("rm", "Remove a watcher", "<name> [--waiting] [--nostop]",
        """
            Removes the watcher and stops its processes. With --nostop they keep running,
            unsupervised. With --waiting, answers once they are stopped.""");
  }

  @Override
  public List<Flag> flags() {
    return List.of(Flag.WAITING, Flag.toggle("nostop", "leave the processes running"));
  }

  @Override
  JsonObject properties(Arguments arguments) throws ArgumentError {
    arguments.requireCount(1, 1, "Invalid number of arguments");
    JsonObject properties = new JsonObject().put("name", arguments.get(0));
    if (arguments.given("waiting")) properties.put("waiting", true);
    if (arguments.given("nostop")) properties.put("nostop", true);
    return properties;
  }
}
