package io.circus.cli.ctl;

import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

/**
 * {@code stats [--extended] [NAME [PID]]}: process records. All watchers: {@code NAME:} then
 * {@code <pid>: <record>} lines per watcher; one watcher: the same for it; one process: its
 * {@code <pid>: <record>} line and an empty line. Children follow their process, indented.
 */
final class Stats extends ControllerCommand {

  Stats() {
    super("stats", "Get process infos", "[<name> [<pid>]] [--extended]",
        """
            Shows the processes of every watcher, of one, or one process: pid, command, user,
            nice value, resident and virtual memory, CPU %, memory % and CPU time, then their
            children indented. --extended adds what the watchers' extended_stats hooks report.""");
  }

  @Override
  public List<Flag> flags() {
    return List.of(Flag.toggle("extended", "include what the extended_stats hooks add"));
  }

  @Override
  JsonObject properties(Arguments arguments) throws ArgumentError {
    arguments.requireCount(0, 2, "message invalid");
    JsonObject properties = optionalName(arguments);
    if (arguments.count() == 2) properties.put("process", PythonNumbers.parseInt(arguments.get(1)));
    return properties.put("extended", arguments.given("extended"));
  }

  @Override
  String render(JsonObject reply) {
    if (!isOk(reply)) return errorLine(reply);
    if (reply.containsKey("name")) {
      return PythonText.str(reply.getValue("name")) + ":" + processes(reply.getJsonObject("info"));
    }
    if (reply.containsKey("infos")) {
      StringBuilder text = new StringBuilder();
      reply.getJsonObject("infos").getMap().forEach((watcher, info) -> text.append(text.length() == 0 ? "" : "\n")
          .append(watcher).append(':').append(processes(asObject(info))));
      return text.toString();
    }
    return PythonText.str(reply.getValue("process")) + ": " + record(reply.getValue("info")) + "\n";
  }

  /** {@code \n<pid>: <record>} for each process of a watcher. */
  private static String processes(JsonObject info) {
    StringBuilder text = new StringBuilder();
    if (info != null) {
      info.getMap().forEach((pid, record) -> text.append('\n').append(pid).append(": ").append(record(record)));
    }
    return text.toString();
  }

  /** A record line and its children's; a text (the process vanished) as it is. */
  private static String record(Object value) {
    if (!(value instanceof JsonObject) && !(value instanceof Map<?, ?>)) return PythonText.str(value);
    JsonObject record = asObject(value);
    StringJoiner lines = new StringJoiner("\n");
    lines.add(ProcessRecordLine.of(record));
    ProcessRecordLine.children(record).forEach(child -> lines.add("   " + ProcessRecordLine.of(child)));
    return lines.toString();
  }

  @SuppressWarnings("unchecked")
  private static JsonObject asObject(Object value) {
    if (value instanceof JsonObject object) return object;
    return value instanceof Map<?, ?> map ? new JsonObject((Map<String, Object>) map) : null;
  }
}
