package io.circus.cli.ctl;

import io.vertx.core.json.JsonObject;

/** {@code dstats}: circusd's own process record. */
final class Dstats extends QueryCommand {

  Dstats() {
    super("dstats", "Get circusd stats", false,
        """
            Shows the circusd process itself: pid, command, user, nice value, resident and
            virtual memory, CPU %, memory % and CPU time.""", "Invalid message");
  }

  @Override
  String render(JsonObject reply) {
    if (!isOk(reply)) return errorLine(reply);
    JsonObject info = reply.getJsonObject("info");
    StringBuilder text = new StringBuilder("Main Process:\n    ").append(ProcessRecordLine.of(info));
    if (!ProcessRecordLine.children(info).isEmpty()) {
      text.append("\nChildren:");
      ProcessRecordLine.children(info).forEach(child -> text.append("\n    ").append(ProcessRecordLine.of(child)));
    }
    return text.toString();
  }
}
