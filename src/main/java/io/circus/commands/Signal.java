package io.circus.commands;

import io.circus.arbiter.Watcher;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.util.NoSuchElementException;

/**
 * {@code signal}: sends {@code signum} to a watcher's processes (or the one {@code pid}), to
 * their direct {@code children} or one {@code childpid} instead, or {@code recursive}ly to all
 * their descendants too. No stop machinery, no event.
 */
final class Signal implements Command {

  @Override
  public String name() {
    return "signal";
  }

  @Override
  public String summary() {
    return "Send a signal";
  }

  @Override
  public Execution prepare(CommandContext context, Props props) {
    String name = props.requiredName("name");
    props.required("signum");
    int signal = props.signal("signum");
    Object pidValue = props.json().getValue("pid");
    Integer childPid = props.integerOrText("childpid");
    if (childPid != null && pidValue == null) {
      throw CommandError.failed("cannot specify childpid without pid");
    }
    Watcher watcher = Lookup.watcher(context.arbiter(), name);
    // As in Circus, a pid must be a JSON integer; anything else matches no process.
    Integer pid = pidValue == null ? null : OptionRules.isInteger(pidValue) ? OptionRules.integer(pidValue) : -1;
    boolean children = props.flag("children");
    boolean recursive = props.flag("recursive");
    return Execution.computed(() -> watcher.signal(signal, pid, childPid, children, recursive)
        .recover(e -> Future.failedFuture(e instanceof NoSuchElementException ? CommandError.failed(e.getMessage()) : e))
        .map(v -> new JsonObject()));
  }
}
