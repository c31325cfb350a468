package io.circus.commands;

import io.vertx.core.json.JsonObject;

/** {@code ipython}: Circus embeds an IPython kernel; a JVM daemon has none, and says so. */
final class Ipython implements Command {

  @Override
  public String name() {
    return "ipython";
  }

  @Override
  public String summary() {
    return "Create an IPython kernel (not available in this daemon)";
  }

  @Override
  public Execution prepare(CommandContext context, Props props) {
    return Execution.result(new JsonObject().put("shell", false).put("msg", "IPython is not available in circusd on the JVM"));
  }
}
