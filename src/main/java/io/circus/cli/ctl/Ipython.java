package io.circus.cli.ctl;

import io.vertx.core.json.JsonObject;

/**
 * {@code ipython}: asks circusd for an IPython kernel. circusd on the JVM has none, so the answer
 * is Circus's "could not start" line, on stdout with exit status 0 as circusctl prints it.
 */
final class Ipython extends QueryCommand {

  Ipython() {
    super("ipython", "Create shell into circusd process", false,
        """
            Asks circusd to start an IPython kernel inside itself. Only a Python circusd with
            IPython installed can; the JVM circusd answers that it could not.""", "Invalid message");
  }

  @Override
  String render(JsonObject reply) {
    if (isOk(reply) && reply.getValue("shell") instanceof String kernel && !kernel.isEmpty()) {
      // Circus would open an IPython console here; from the JVM, say how to open one.
      return "kernel started: jupyter console --existing " + kernel;
    }
    return isOk(reply) ? "error: Could not start ipython kernel" : errorLine(reply);
  }
}
