package io.circus.commands;

import io.circus.arbiter.Watcher;
import io.vertx.core.json.JsonObject;

/**
 * {@code status}: every watcher's state; with {@code name}, that watcher's state in the reply's
 * top-level {@code status} field (Circus overwrites "ok" with it). Beyond Circus, the notes
 * plugins attached to watchers ({@code annotate}) come in a {@code notes} field, only when there
 * are some: {@code {"web": {"flapping": {...}}}} for all, {@code {"flapping": {...}}} for one.
 */
final class Status implements Command {

  @Override
  public String name() {
    return "status";
  }

  @Override
  public String summary() {
    return "Get the status of a watcher or all watchers";
  }

  @Override
  public Execution prepare(CommandContext context, Props props) {
    String name = props.optionalName("name");
    if (name == null) {
      JsonObject statuses = new JsonObject();
      JsonObject notes = new JsonObject();
      for (Watcher watcher : context.arbiter().watchers()) {
        statuses.put(watcher.name(), watcher.snapshot().state().circusName());
        JsonObject watcherNotes = context.notes().of(watcher.name());
        if (!watcherNotes.isEmpty()) notes.put(watcher.name(), watcherNotes);
      }
      JsonObject reply = new JsonObject().put("statuses", statuses);
      return Execution.result(notes.isEmpty() ? reply : reply.put("notes", notes));
    }
    Watcher watcher = Lookup.watcher(context.arbiter(), name);
    JsonObject reply = new JsonObject().put("status", watcher.snapshot().state().circusName());
    JsonObject notes = context.notes().of(watcher.name());
    return Execution.result(notes.isEmpty() ? reply : reply.put("notes", notes));
  }
}
