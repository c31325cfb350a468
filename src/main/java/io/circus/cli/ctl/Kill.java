package io.circus.cli.ctl;

import io.vertx.core.json.JsonObject;
import java.util.List;

/**
 * {@code kill NAME [PID] [--signum S] [--graceful_timeout T] [--waiting]}.
 *
 * <p>Two client bugs of circusctl 0.19 fixed, the message staying one the daemon understands:
 * {@code --waiting} is sent (0.19 accepts it and drops it, so the call never waits), and
 * {@code --graceful_timeout} is sent as a number (0.19 sends the text, which makes the daemon's
 * kill fail in the background). {@code pid} stays text, as 0.19 sends it.
 */
final class Kill extends ControllerCommand {

  Kill() {
    super("kill", "Kill a specific process",
        "<name> [<pid>] [--signum SIGNAL] [--graceful_timeout SECONDS] [--waiting]",
        """
            Stops the watcher's processes (or only <pid>) the way the watcher stops them: its
            stop signal, then SIGKILL after its graceful timeout. The watcher keeps running and
            replaces them. --signum and --graceful_timeout override the watcher's settings.""");
  }

  @Override
  public List<Flag> flags() {
    return List.of(Flag.WAITING,
        Flag.valued("signum", "SIGNAL", "signal to send instead of the watcher's stop_signal (name or number)"),
        Flag.valued("graceful_timeout", "SECONDS", "seconds to wait before SIGKILL instead of the watcher's"));
  }

  @Override
  JsonObject properties(Arguments arguments) throws ArgumentError {
    arguments.requireCount(1, 2, "Invalid number of arguments");
    JsonObject properties = new JsonObject().put("name", arguments.get(0));
    if (arguments.count() > 1) properties.put("pid", arguments.get(1));
    if (arguments.given("signum")) properties.put("signum", arguments.value("signum", null));
    if (arguments.given("graceful_timeout")) {
      properties.put("graceful_timeout", PythonNumbers.parseFloat(arguments.value("graceful_timeout", null)));
    }
    if (arguments.given("waiting")) properties.put("waiting", true);
    return properties;
  }
}
