package io.circus.commands;

import io.circus.arbiter.Watcher;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.util.List;

/**
 * The shape {@code start}, {@code stop} and {@code restart} share (SPEC.md §3.13): without a
 * name they act on the whole arbiter; with a name, on the watchers it selects (see
 * {@link WatcherSelection}), the reply carrying {@code info} only when exactly one matched. All
 * are deferred.
 */
abstract class SelectionCommand implements Command {

  @Override
  public final Execution prepare(CommandContext context, Props props) {
    String name = props.optionalName("name");
    if (name == null) {
      return Execution.deferred(() -> all(context).map(v -> new JsonObject()));
    }
    List<Watcher> selected = WatcherSelection.select(context.arbiter(), name, props.optionalName("match"));
    if (selected.size() == 1) {
      return Execution.deferred(() -> one(selected.get(0)).map(info -> new JsonObject().put("info", info)));
    }
    return Execution.deferred(() -> several(selected).map(v -> new JsonObject()));
  }

  /** The arbiter-wide operation. */
  abstract Future<Void> all(CommandContext context);

  /** The operation on the one watcher selected; its result is the reply's {@code info}. */
  abstract Future<JsonObject> one(Watcher watcher);

  /** The operation on several watchers (no {@code info}). */
  abstract Future<Void> several(List<Watcher> watchers);
}
