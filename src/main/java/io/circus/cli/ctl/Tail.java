package io.circus.cli.ctl;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code tail [-f] [-n N] <name>} (not in circusctl 0.19): the last lines the watcher's processes
 * wrote to their streams, then with {@code -f} the new ones as they come, read from the events
 * endpoint (named by {@code globaloptions}) until Ctrl-C. Each line is {@code <pid> <stream> | <line>}.
 */
public final class Tail extends ControllerCommand {

  /** Lines asked for when filling a gap: more than a process's history holds. */
  static final int ALL_KEPT = 1_000_000;

  static final Flag FOLLOW = Flag.toggle("follow", "then print new lines as they come, until Ctrl-C").withShortName("f");
  static final Flag LINES = Flag.valued("lines", "N", "how many of the last lines to print first (default 10)")
      .withShortName("n");

  Tail() {
    super("tail", "Print the last lines a watcher's processes wrote, and follow", "[-f] [-n N] <name>", """
        Prints the last lines (10 by default, -n) that the processes of the watcher wrote to
        their stdout and stderr streams, oldest first, as "PID STREAM | LINE". With -f, goes on
        printing new lines until Ctrl-C; a line that could not keep up is skipped, and
        "(N bytes skipped)" says so. Only output that has a stdout_stream or stderr_stream is seen.""");
  }

  @Override
  public List<Flag> flags() {
    return List.of(FOLLOW, LINES);
  }

  @Override
  JsonObject properties(Arguments arguments) throws ArgumentError {
    arguments.requireCount(1, 1, "Invalid number of arguments");
    String lines = arguments.value(LINES.name(), "10");
    try {
      int count = Integer.parseInt(lines.strip());
      if (count < 0) throw new NumberFormatException();
      return new JsonObject().put("name", arguments.get(0)).put("lines", count);
    } catch (NumberFormatException e) {
      throw new ArgumentError("argument -n/--lines: expected a number of lines, not " + PythonText.repr(lines));
    }
  }

  boolean follows(Arguments arguments) {
    return arguments.given(FOLLOW.name());
  }

  /** The topic prefix of the watcher's live output. */
  static String topic(String watcher) {
    return "stream." + watcher + ".";
  }

  @Override
  String render(JsonObject reply) {
    if (!isOk(reply)) return errorLine(reply);
    List<String> printed = new ArrayList<>();
    JsonArray lines = reply.getJsonArray("lines", new JsonArray());
    for (int i = 0; i < lines.size(); i++) {
      JsonObject line = lines.getJsonObject(i);
      printed.add(line(line.getInteger("pid"), line.getString("stream"), line.getString("line")));
    }
    return String.join("\n", printed);
  }

  /** The lines of one live message ({@code {"pid", "name", "data", "lost_bytes", "seq"}}), as printed. */
  static List<String> live(JsonObject data) {
    List<String> printed = new ArrayList<>();
    long lost = data.getLong("lost_bytes", 0L);
    if (lost > 0) printed.add("(" + lost + " bytes skipped)");
    String text = data.getString("data", "");
    if (text.endsWith("\n")) text = text.substring(0, text.length() - 1);
    for (String line : text.split("\n", -1)) printed.add(line(data.getInteger("pid"), data.getString("name"), line));
    return printed;
  }

  private static String line(int pid, String stream, String text) {
    return pid + " " + stream + " | " + text;
  }
}
