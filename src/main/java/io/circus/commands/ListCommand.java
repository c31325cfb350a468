package io.circus.commands;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.Locale;

/**
 * {@code list}: every watcher's name, lower-cased and sorted; with {@code name}, the pids of that
 * watcher's live processes in creation order. (Named ListCommand: {@code List} is taken.)
 */
final class ListCommand implements Command {

  @Override
  public String name() {
    return "list";
  }

  @Override
  public String summary() {
    return "Get list of watchers or processes in a watcher";
  }

  @Override
  public Execution prepare(CommandContext context, Props props) {
    String name = props.optionalName("name");
    if (name == null) {
      JsonArray names = new JsonArray(context.arbiter().watchers().stream()
          .map(w -> w.name().toLowerCase(Locale.ROOT)).sorted().toList());
      return Execution.result(new JsonObject().put("watchers", names));
    }
    return Execution.result(new JsonObject().put("pids", new JsonArray(Lookup.watcher(context.arbiter(), name).snapshot().pids())));
  }
}
