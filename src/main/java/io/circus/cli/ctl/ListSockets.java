package io.circus.cli.ctl;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.StringJoiner;

/** {@code listsockets}: {@code <fd>:socket '<name>' at <host>:<port>} (or {@code at <path>}) lines. */
final class ListSockets extends QueryCommand {

  ListSockets() {
    super("listsockets", "Get the list of sockets", false,
        "Lists the sockets circusd binds for its watchers, by file descriptor, with their address.",
        "Invalid number of arguments");
  }

  @Override
  String render(JsonObject reply) {
    if (!(reply.getValue("sockets") instanceof JsonArray sockets)) return errorLine(reply);
    StringJoiner lines = new StringJoiner("\n");
    for (int i = 0; i < sockets.size(); i++) {
      JsonObject socket = sockets.getJsonObject(i);
      String address = socket.containsKey("path") ? PythonText.str(socket.getValue("path"))
          : PythonText.str(socket.getValue("host")) + ":" + integer(socket.getValue("port"));
      lines.add(integer(socket.getValue("fd")) + ":socket '" + PythonText.str(socket.getValue("name")) + "' at " + address);
    }
    return lines.toString();
  }

  /** Python's {@code %d}: a number without its fraction. */
  private static String integer(Object value) {
    return value instanceof Number n ? Long.toString(n.longValue()) : PythonText.str(value);
  }
}
