package io.circus.commands;

import io.circus.arbiter.Arbiter;
import io.circus.arbiter.ProcessChanges;
import io.circus.arbiter.Watcher;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/** Lookups and result shapes shared by commands. */
final class Lookup {

  private Lookup() {
  }

  /** The watcher named (case-insensitively), or errno 3 {@code program NAME not found}. */
  static Watcher watcher(Arbiter arbiter, String name) {
    return arbiter.watcher(name).orElseThrow(() -> CommandError.notFound(name));
  }

  /** {@code {"started": [...], "kept": [...]}} as start reports it. */
  static JsonObject startInfo(ProcessChanges changes) {
    return new JsonObject().put("started", new JsonArray(changes.started())).put("kept", new JsonArray(changes.kept()));
  }

  /** {@code {"stopped": [...], "started": [...], "kept": [...]}} as restart and reload report it. */
  static JsonObject changeInfo(ProcessChanges changes) {
    return new JsonObject().put("stopped", new JsonArray(changes.stopped()))
        .put("started", new JsonArray(changes.started())).put("kept", new JsonArray(changes.kept()));
  }
}
