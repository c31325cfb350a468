package io.circus.commands;

import io.vertx.core.json.JsonObject;

/**
 * {@code annotate} (not a Circus command): a plugin attaches a note to a watcher, under its
 * {@code key} (the plugin's name), or removes it with a null {@code note}. {@code status} shows
 * the notes, so what a plugin does to a watcher is visible (the flapping plugin's back-off).
 */
final class Annotate implements Command {

  @Override
  public String name() {
    return "annotate";
  }

  @Override
  public String summary() {
    return "Attach a plugin's note to a watcher, shown by status";
  }

  @Override
  public Execution prepare(CommandContext context, Props props) {
    String name = props.requiredName("name");
    String key = props.requiredName("key");
    Lookup.watcher(context.arbiter(), name);
    JsonObject note = props.json().getValue("note") == null ? null : props.object("note");
    context.notes().put(name, key, note);
    return Execution.result(new JsonObject());
  }
}
