package io.circus.commands;

import io.vertx.core.json.JsonObject;

/** {@code options}: every option of a watcher. */
final class Options implements Command {

  @Override
  public String name() {
    return "options";
  }

  @Override
  public String summary() {
    return "Get the value of all options for a watcher";
  }

  @Override
  public Execution prepare(CommandContext context, Props props) {
    var watcher = Lookup.watcher(context.arbiter(), props.requiredName("name"));
    JsonObject options = WatcherOptionsView.of(watcher.snapshot().spec(), context.daemon().workingDirectory());
    return Execution.result(new JsonObject().put("options", options));
  }
}
