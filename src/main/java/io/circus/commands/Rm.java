package io.circus.commands;

import io.vertx.core.json.JsonObject;

/**
 * {@code rm}: removes a watcher and publishes {@code remove}, then stops it, unless
 * {@code nostop} (its processes then run on unsupervised).
 */
final class Rm implements Command {

  @Override
  public String name() {
    return "rm";
  }

  @Override
  public String summary() {
    return "Remove a watcher";
  }

  @Override
  public Execution prepare(CommandContext context, Props props) {
    String name = props.requiredName("name");
    var watcher = Lookup.watcher(context.arbiter(), name);
    boolean keepProcesses = props.flag("nostop");
    return Execution.deferred(() -> {
      context.events().publishNow(watcher.name(), "remove");
      return context.arbiter().remove(watcher.name(), keepProcesses).map(v -> new JsonObject());
    });
  }
}
