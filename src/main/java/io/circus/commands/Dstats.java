package io.circus.commands;

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
      return new JsonObject().put("info", context.sampler().sampleAlone(self).orElseThrow());
    }, false));
  }
}
