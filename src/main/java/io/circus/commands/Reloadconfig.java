package io.circus.commands;

import io.circus.config.ConfigDiff;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Set;

/**
 * {@code reloadconfig}: reads the configuration file again and applies the difference (see
 * {@link io.circus.arbiter.Arbiter#applyConfig}). With waiting, the reply also names the
 * {@code [circus]} options that changed but need a restart of circusd ({@code restart_required}),
 * which Circus never reports.
 */
final class Reloadconfig implements Command {

  /** The [circus] options applied without a restart. */
  static final Set<String> LIVE_OPTIONS = Set.of("check_delay", "warmup_delay");

  @Override
  public String name() {
    return "reloadconfig";
  }

  @Override
  public String summary() {
    return "Reload the configuration file";
  }

  @Override
  public Execution prepare(CommandContext context, Props props) {
    return Execution.deferred(() -> context.daemon().reloadConfiguration().map(Reloadconfig::report));
  }

  private static JsonObject report(ConfigDiff diff) {
    List<String> pending = diff.arbiterOptionsChanged().stream().filter(k -> !LIVE_OPTIONS.contains(k)).toList();
    return pending.isEmpty() ? new JsonObject() : new JsonObject().put("restart_required", new JsonArray(pending));
  }
}
