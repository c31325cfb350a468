package io.circus.cli.ctl;

import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Locale;

/** {@code set NAME KEY VALUE [KEY VALUE...] [--waiting]}: changes watcher options. */
final class SetCommand extends ControllerCommand {

  SetCommand() {
    super("set", "Set a watcher option", "<name> <key> <value> [<key> <value>...] [--waiting]",
        """
            Changes options of the watcher: numprocesses, cmd, args, env (NAME=VALUE,...),
            graceful_timeout, stop_signal, send_hup, warmup_delay, working_dir, uid, gid,
            max_age, respawn, hooks, stdout_stream.*, rlimit_*, ... Changing the command line,
            the environment or the user reloads the watcher. With --waiting, answers once done.""");
  }

  @Override
  public List<Flag> flags() {
    return List.of(Flag.WAITING);
  }

  @Override
  JsonObject properties(Arguments arguments) throws ArgumentError {
    arguments.requireCount(3, Integer.MAX_VALUE, "Invalid number of arguments");
    List<String> pairs = arguments.positionals().subList(1, arguments.count());
    if (pairs.size() % 2 != 0) throw new ArgumentError("List of key/values is invalid");
    JsonObject options = new JsonObject();
    for (int i = 0; i < pairs.size(); i += 2) {
      String key = pairs.get(i).toLowerCase(Locale.ROOT);
      options.put(key, SetOptionValues.convert(key, pairs.get(i + 1)));
    }
    // Key order as circusctl 0.19 builds it: waiting comes before options when given.
    JsonObject properties = new JsonObject().put("name", arguments.get(0));
    if (arguments.given("waiting")) properties.put("waiting", true);
    return properties.put("options", options);
  }
}
