package io.circus.cli.ctl;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.StringJoiner;

/** {@code list [NAME]}: the watchers, or a watcher's pids, comma-separated. */
final class ListCommand extends QueryCommand {

  ListCommand() {
    super("list", "Get list of watchers or processes in a watcher", true,
        """
            Without a name, the names of all watchers; with one, the pids of that watcher's
            running processes, oldest first. Comma-separated on one line.""",
        "Invalid number of arguments");
  }

  @Override
  String render(JsonObject reply) {
    if (reply.getValue("pids") instanceof JsonArray pids) return joined(pids);
    if (reply.getValue("watchers") instanceof JsonArray watchers) return joined(watchers);
    return reply.containsKey("reason") ? errorLine(reply) : "error: Response doesn't contain 'pids' nor 'watchers'.";
  }

  private static String joined(JsonArray values) {
    StringJoiner joined = new StringJoiner(",");
    for (Object value : values.getList()) joined.add(PythonText.str(value));
    return joined.toString();
  }
}
