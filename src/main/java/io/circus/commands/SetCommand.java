package io.circus.commands;

import io.circus.arbiter.Watcher;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;

/**
 * {@code set}: changes watcher options (validated as SPEC.md §6.3 says), one {@code updated}
 * event per option, then a graceful reload when an option needs new processes (command,
 * environment, user, ...) or else a pass that brings the process count in line. An option that
 * fails while being applied (an unknown user, a singleton asked for two processes) is errno 5;
 * the options before it stay applied, as in Circus. (Named SetCommand: {@code Set} is taken.)
 */
final class SetCommand implements Command {

  @Override
  public String name() {
    return "set";
  }

  @Override
  public String summary() {
    return "Set a watcher option";
  }

  @Override
  public Execution prepare(CommandContext context, Props props) {
    String name = props.requiredName("name");
    props.required("options");
    JsonObject options = props.object("options");
    OptionRules.validate(options);
    Watcher watcher = Lookup.watcher(context.arbiter(), name);
    boolean waiting = props.flag("waiting");
    // Options are applied before the reply (their errors are the reply); the follow-up is
    // waited for only with waiting. Applying may resolve user names: off the event loop.
    return Execution.computed(() -> context.vertx()
        .executeBlocking(() -> OptionChanges.applyAll(watcher.snapshot().spec(), options), false)
        .compose(applied -> followUp(context, watcher, applied, waiting)));
  }

  private static Future<JsonObject> followUp(CommandContext context, Watcher watcher, OptionChanges.Applied applied,
      boolean waiting) {
    applied.keys().forEach(key -> context.events().publishNow(watcher.name(), "updated"));
    Future<Void> update = watcher.update(applied.spec(), applied.followUp() == FollowUp.RELOAD);
    if (applied.failure() != null) {
      return Future.failedFuture(applied.failure());
    }
    return waiting ? update.map(v -> new JsonObject()) : Future.succeededFuture(new JsonObject());
  }
}
