package io.circus.commands;

import io.circus.arbiter.Watcher;
import io.vertx.core.json.JsonObject;

/**
 * {@code incr} and {@code decr}: change a watcher's number of processes by {@code nb} (default
 * 1, never below 0); the oldest processes go first. A singleton watcher is left alone. Unlike
 * Circus, a non-integer {@code nb} is refused up front (Circus fails after replying ok, or never
 * replies with waiting).
 */
final class Scale implements Command {

  private final String name;
  private final int direction;

  private Scale(String name, int direction) {
    this.name = name;
    this.direction = direction;
  }

  static Scale incr() {
    return new Scale("incr", 1);
  }

  static Scale decr() {
    return new Scale("decr", -1);
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public String summary() {
    return direction > 0 ? "Increment the number of processes in a watcher" : "Decrement the number of processes in a watcher";
  }

  @Override
  public Execution prepare(CommandContext context, Props props) {
    Watcher watcher = Lookup.watcher(context.arbiter(), props.requiredName("name"));
    Object nb = props.json().getValue("nb", 1);
    if (!(OptionRules.isInteger(nb) || nb instanceof Boolean)) {
      throw CommandError.invalid("'nb' isn't an integer");
    }
    int current = watcher.snapshot().spec().numprocesses();
    if (watcher.snapshot().spec().singleton()) {
      return Execution.result(new JsonObject().put("numprocesses", current).put("singleton", true));
    }
    int target = Math.max(0, current + direction * OptionRules.integer(nb));
    return Execution.deferred(() -> watcher.setNumprocesses(target).map(n -> new JsonObject().put("numprocesses", n)));
  }
}
