package io.circus.commands;

import io.circus.arbiter.EpochTime;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * {@code dstats}: the process record of circusd itself; its CPU percentage is measured over 10
 * ms, as Circus does, and its children are not listed.
 */
final class Dstats implements Command {

  private static final long CPU_WINDOW_MILLIS = 10;

  @Override
  public String name() {
    return "dstats";
  }

  @Override
  public String summary() {
    return "Get circusd stats";
  }

  @Override
  public Execution prepare(CommandContext context, Props props) {
    int self = (int) ProcessHandle.current().pid();
    return Execution.computed(() -> context.vertx().executeBlocking(() -> {
      context.sampler().sampleAlone(self);
      Thread.sleep(CPU_WINDOW_MILLIS); // on a worker thread: the CPU percentage needs a time window
      JsonObject info = context.sampler().sampleAlone(self).orElseThrow();
      info.put("age", EpochTime.now() - info.getDouble("create_time")).put("children", new JsonArray());
      return new JsonObject().put("info", info);
    }, false));
  }
}
