package io.circus.commands;

import io.circus.arbiter.Watcher;
import io.vertx.core.json.JsonObject;

/**
 * {@code numprocesses}: the processes a watcher holds now (with {@code watcher_name} echoing the
 * name as sent), or the sum over all watchers.
 */
final class Numprocesses implements Command {

  @Override
  public String name() {
    return "numprocesses";
  }

  @Override
  public String summary() {
    return "Get the number of processes";
  }

  @Override
  public Execution prepare(CommandContext context, Props props) {
    String name = props.optionalName("name");
    if (name == null) {
      int total = context.arbiter().watchers().stream().mapToInt(w -> w.snapshot().processes().size()).sum();
      return Execution.result(new JsonObject().put("numprocesses", total));
    }
    Watcher watcher = Lookup.watcher(context.arbiter(), name);
    return Execution.result(new JsonObject().put("numprocesses", watcher.snapshot().processes().size()).put("watcher_name", name));
  }
}
