package io.circus.cli.ctl;

import io.vertx.core.json.JsonObject;
import java.util.StringJoiner;
import java.util.TreeMap;

/**
 * {@code status [NAME]}: {@code name: state} lines sorted by name, or one watcher's state.
 *
 * <p>circusctl 0.19 prints just {@code error} when the watcher does not exist (a client bug: it
 * reads the overwritten status field as the state); here the reason is printed, as for every
 * other command: {@code error: program NAME not found}. A watcher with notes from plugins (this
 * daemon's {@code notes} field, which Circus never sends) gets their summaries after its state:
 * {@code web: stopped (flapping: restart in 8.0 s (attempt 3))}.
 */
final class Status extends QueryCommand {

  Status() {
    super("status", "Get the status of a watcher or all watchers", true,
        "The state of every watcher, or of one: active, stopped, starting or stopping.",
        "message invalid");
  }

  @Override
  String render(JsonObject reply) {
    if (reply.getValue("statuses") instanceof JsonObject statuses) {
      StringJoiner lines = new StringJoiner("\n");
      JsonObject notes = reply.getJsonObject("notes", new JsonObject());
      new TreeMap<>(statuses.getMap()).forEach((watcher, state) ->
          lines.add(watcher + ": " + PythonText.str(state) + summaries(notes.getValue(watcher))));
      return lines.toString();
    }
    Object status = reply.getValue("status");
    return status != null && !"error".equals(status) ? PythonText.str(status) + summaries(reply.getValue("notes")) : errorLine(reply);
  }

  /** " (summary; summary)" of a watcher's notes, or nothing. */
  private static String summaries(Object notes) {
    if (!(notes instanceof JsonObject byPlugin)) {
      return "";
    }
    StringJoiner summaries = new StringJoiner("; ", " (", ")").setEmptyValue("");
    for (String plugin : new java.util.TreeSet<>(byPlugin.fieldNames())) {
      if (byPlugin.getValue(plugin) instanceof JsonObject note && note.getValue("summary") != null) {
        summaries.add(String.valueOf(note.getValue("summary")));
      }
    }
    return summaries.toString();
  }
}
