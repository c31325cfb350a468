package io.circus.commands;

import io.circus.arbiter.Watcher;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.util.List;

/**
 * {@code restart}: with a name (glob by default), the matching watchers are stopped and started
 * again (one match with waiting: {@code info: {stopped, started, kept}}); without a name, the
 * whole arbiter restarts from the configuration file, in this process, keeping the control
 * endpoints open (Circus re-binds them, which sometimes fails and ends the daemon).
 */
final class Restart extends SelectionCommand {

  private final Start start = new Start();
  private final Stop stop = new Stop();

  @Override
  public String name() {
    return "restart";
  }

  @Override
  public String summary() {
    return "Restart the arbiter or watchers";
  }

  @Override
  Future<Void> all(CommandContext context) {
    return context.daemon().restartArbiter();
  }

  @Override
  Future<JsonObject> one(Watcher watcher) {
    return watcher.restart().map(Lookup::changeInfo);
  }

  @Override
  Future<Void> several(List<Watcher> watchers) {
    return stop.several(watchers).compose(v -> start.several(watchers));
  }
}
