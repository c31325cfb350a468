package io.circus.commands;

import io.circus.sockets.CircusSocket;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * {@code listsockets}: the sockets circusd has bound for its watchers, sorted by fd, each with its
 * fd, name and backlog, then host and port (the port really bound, when port 0 was asked for), or
 * the path of a unix socket.
 */
final class Listsockets implements Command {

  @Override
  public String name() {
    return "listsockets";
  }

  @Override
  public String summary() {
    return "Get the list of sockets";
  }

  @Override
  public Execution prepare(CommandContext context, Props props) {
    JsonArray sockets = new JsonArray();
    for (CircusSocket socket : context.arbiter().sockets()) {
      sockets.add(socket.info());
    }
    return Execution.result(new JsonObject().put("sockets", sockets));
  }
}
