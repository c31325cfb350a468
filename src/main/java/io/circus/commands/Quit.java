package io.circus.commands;

import io.vertx.core.json.JsonObject;

/**
 * {@code quit}: stops every watcher, then circusd exits with status 0. Without waiting the ok goes
 * out at once; with waiting once every watcher is stopped. The daemon exits once both the reply
 * was sent and the watchers are stopped ({@link DaemonControl#exit} waits for the latter).
 */
final class Quit implements Command {

  @Override
  public String name() {
    return "quit";
  }

  @Override
  public String summary() {
    return "Quit the arbiter immediately";
  }

  @Override
  public Execution prepare(CommandContext context, Props props) {
    return new Execution(() -> context.daemon().stopAllForQuit().map(v -> new JsonObject()), true,
        null).thenAfterReply(context.daemon()::exit);
  }
}
