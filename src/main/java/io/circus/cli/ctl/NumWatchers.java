package io.circus.cli.ctl;

import io.vertx.core.json.JsonObject;

/** {@code numwatchers}: how many watchers circusd has. */
final class NumWatchers extends QueryCommand {

  NumWatchers() {
    super("numwatchers", "Get the number of watchers", false,
        "The number of watchers circusd runs (plugins and circusd-stats included).",
        "Invalid number of arguments");
  }

  @Override
  String render(JsonObject reply) {
    return fieldOrError(reply, "numwatchers");
  }
}
