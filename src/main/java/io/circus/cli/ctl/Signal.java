package io.circus.cli.ctl;

import io.vertx.core.json.JsonObject;
import java.util.List;

/** {@code signal NAME [PID] SIGNUM [--children] [--recursive]}. */
final class Signal extends ControllerCommand {

  Signal() {
    super("signal", "Send a signal", "<name> [<pid>] <signum> [--children] [--recursive]",
        """
            Sends a signal (a name such as HUP or SIGUSR1, or a number) to every process of the
            watcher, or to <pid> only, without stopping anything. --children sends it to their
            direct children instead, --recursive to the processes and all their descendants.""");
  }

  @Override
  public List<Flag> flags() {
    return List.of(Flag.toggle("children", "signal the children of the processes instead"),
        Flag.toggle("recursive", "signal the processes and all their descendants"));
  }

  @Override
  JsonObject properties(Arguments arguments) throws ArgumentError {
    arguments.requireCount(2, 3, "Invalid number of arguments");
    JsonObject properties = new JsonObject().put("name", arguments.get(0))
        .put("children", arguments.given("children")).put("recursive", arguments.given("recursive"))
        .put("signum", arguments.get(arguments.count() - 1));
    if (arguments.count() == 3) properties.put("pid", PythonNumbers.parseInt(arguments.get(1)));
    return properties;
  }
}
