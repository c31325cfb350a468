package io.circus.commands;

import io.circus.arbiter.ProcessChanges;
import io.circus.arbiter.Watcher;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.util.List;

/**
 * {@code stop}: without a name, every watcher at the same time; with a name (glob by default),
 * the matching watchers at the same time. With one match and waiting: {@code info: null}, as
 * Circus's.
 */
final class Stop extends SelectionCommand {

  @Override
  public String name() {
    return "stop";
  }

  @Override
  public String summary() {
    return "Stop watchers";
  }

  @Override
  Future<Void> all(CommandContext context) {
    return context.arbiter().stop();
  }

  @Override
  Future<JsonObject> one(Watcher watcher) {
    return watcher.stop().map(changes -> null);
  }

  @Override
  Future<Void> several(List<Watcher> watchers) {
    List<Future<ProcessChanges>> stops = watchers.stream().map(Watcher::stop).toList();
    return Future.join(stops).mapEmpty();
  }
}
