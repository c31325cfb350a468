package io.circus.commands;

import io.circus.arbiter.Watcher;
import io.vertx.core.json.JsonObject;

/**
 * {@code kill}: stops processes the way the watcher stops them (optionally with another
 * {@code signum} or {@code graceful_timeout}), all or the one {@code pid}, and leaves the watcher
 * running so they are replaced. Unlike Circus, an unknown watcher is errno 3 at once (Circus
 * answers ok, or errno 6 with waiting).
 */
final class Kill implements Command {

  @Override
  public String name() {
    return "kill";
  }

  @Override
  public String summary() {
    return "Kill processes of a watcher (they are restarted)";
  }

  @Override
  public Execution prepare(CommandContext context, Props props) {
    String name = props.requiredName("name");
    Integer pid = props.integerOrText("pid");
    Integer signal = props.signal("signum");
    Double timeout = props.number("graceful_timeout");
    Watcher watcher = Lookup.watcher(context.arbiter(), name);
    return Execution.deferred(() -> watcher.kill(pid, signal, timeout).map(v -> new JsonObject()));
  }
}
