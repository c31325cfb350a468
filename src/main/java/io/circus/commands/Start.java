package io.circus.commands;

import io.circus.arbiter.Watcher;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.util.List;

/**
 * {@code start}: without a name, every watcher with autostart, one after the other by priority;
 * with a name (glob by default), the matching watchers by priority, skipping those without
 * autostart when several match. With one match and waiting: {@code info: {started, kept}}.
 */
final class Start extends SelectionCommand {

  @Override
  public String name() {
    return "start";
  }

  @Override
  public String summary() {
    return "Start the arbiter or a watcher";
  }

  @Override
  Future<Void> all(CommandContext context) {
    return context.arbiter().start();
  }

  @Override
  Future<JsonObject> one(Watcher watcher) {
    return watcher.start().map(Lookup::startInfo);
  }

  @Override
  Future<Void> several(List<Watcher> watchers) {
    Future<Void> chain = Future.succeededFuture();
    for (Watcher watcher : watchers) {
      if (watcher.snapshot().spec().autostart()) {
        chain = chain.compose(v -> watcher.start().mapEmpty());
      }
    }
    return chain;
  }
}
