package io.circus.commands;

import io.circus.arbiter.Watcher;
import io.circus.config.ArbiterSpec;
import io.circus.config.WatcherSpec;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;

/**
 * {@code add}: creates a watcher (stopped unless {@code start}) from {@code name}, {@code cmd},
 * {@code args} and {@code options}; publishes {@code add}. With start and waiting, the reply
 * carries {@code started}/{@code kept}.
 */
final class Add implements Command {

  @Override
  public String name() {
    return "add";
  }

  @Override
  public String summary() {
    return "Add a watcher";
  }

  @Override
  public Execution prepare(CommandContext context, Props props) {
    String name = props.requiredName("name");
    String cmd = props.requiredName("cmd");
    JsonObject options = props.has("options") ? props.object("options") : new JsonObject();
    OptionRules.validate(options);
    if (name.isEmpty()) {
      throw CommandError.invalid("'name' must not be empty");
    }
    checkOwner(context, options);
    if (context.arbiter().watcher(name).isPresent()) {
      throw CommandError.failed(PythonRepr.string(name) + " already exist");
    }
    WatcherSpec base = WatcherSpec.builder(name).cmd(cmd).args(OptionChanges.args(props.json().getValue("args"))).build();
    boolean start = props.flag("start");
    // Building the spec may resolve user names: off the event loop.
    return new Execution(() -> context.vertx().executeBlocking(() -> OptionChanges.applyAll(base, options), false)
        .compose(applied -> applied.failure() != null ? Future.failedFuture(applied.failure()) : add(context, applied.spec(), start)),
        start, null);
  }

  private static Future<JsonObject> add(CommandContext context, WatcherSpec spec, boolean start) {
    Future<Watcher> added = context.arbiter().add(spec)
        .recover(e -> Future.failedFuture(CommandError.failed(e.getMessage())))
        .onSuccess(w -> context.events().publishNow(spec.name(), "add"));
    if (!start) {
      return added.map(w -> new JsonObject());
    }
    return added.compose(Watcher::start).map(Lookup::startInfo);
  }

  /**
   * Circus's rule: when the controller is an ipc socket given to {@code endpoint_owner}, whoever
   * connects is that user, so a watcher added must run as that user ({@code uid} set to it,
   * exactly as written in the configuration), never as circusd's own user.
   */
  private static void checkOwner(CommandContext context, JsonObject options) {
    ArbiterSpec spec = context.arbiter().spec();
    String owner = spec.endpointOwner();
    if (owner == null || !spec.endpoint().startsWith("ipc://")) {
      return;
    }
    Object uid = options.getValue("uid");
    if (uid == null || !String.valueOf(uid).equals(owner)) {
      throw CommandError.invalid("uid does not match endpoint_owner");
    }
  }
}
