package io.circus.commands;

import io.vertx.core.json.JsonObject;

/** {@code numwatchers}: how many watchers there are. */
final class Numwatchers implements Command {

  @Override
  public String name() {
    return "numwatchers";
  }

  @Override
  public String summary() {
    return "Get the number of watchers";
  }

  @Override
  public Execution prepare(CommandContext context, Props props) {
    return Execution.result(new JsonObject().put("numwatchers", context.arbiter().watchers().size()));
  }
}
