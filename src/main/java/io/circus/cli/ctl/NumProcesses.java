package io.circus.cli.ctl;

import io.vertx.core.json.JsonObject;

/** {@code numprocesses [NAME]}: the number of processes of one watcher or of all. */
final class NumProcesses extends QueryCommand {

  NumProcesses() {
    super("numprocesses", "Get the number of processes", true,
        "The number of processes running for the watcher, or for all watchers together.",
        "message invalid");
  }

  @Override
  String render(JsonObject reply) {
    return fieldOrError(reply, "numprocesses");
  }
}
