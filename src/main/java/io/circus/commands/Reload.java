package io.circus.commands;

import io.circus.arbiter.Watcher;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;

/**
 * {@code reload}: a graceful reload of one watcher ({@code graceful: false} means restart,
 * {@code sequential} one process at a time), or of every watcher one after the other by priority.
 */
final class Reload implements Command {

  @Override
  public String name() {
    return "reload";
  }

  @Override
  public String summary() {
    return "Reload the arbiter or a watcher";
  }

  @Override
  public Execution prepare(CommandContext context, Props props) {
    boolean graceful = props.flag("graceful", true);
    boolean sequential = props.flag("sequential");
    String name = props.optionalName("name");
    if (name == null) {
      return Execution.deferred(() -> {
        Future<Void> chain = Future.succeededFuture();
        for (Watcher watcher : context.arbiter().byPriority()) {
          chain = chain.compose(v -> watcher.reload(graceful, sequential).mapEmpty());
        }
        return chain.map(v -> new JsonObject());
      });
    }
    Watcher watcher = Lookup.watcher(context.arbiter(), name);
    return Execution.deferred(() -> watcher.reload(graceful, sequential)
        .map(changes -> new JsonObject().put("info", Lookup.changeInfo(changes))));
  }
}
