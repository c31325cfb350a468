package io.circus.cli.top;

import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Lays the board out as Circus's circus-top does: per group, sorted by name, the ten busiest
 * processes (CPU, memory, age; circus's own labelled with their name) and the aggregate line; for
 * {@code sockets}, the reads per address and their sum. Unlike Circus's (which sorts the figures
 * as text, so 9.00 comes before 10.00), processes are sorted by CPU as numbers.
 */
final class TopScreen {

  static final String TITLE = "Circus Top";
  static final String WAITING = "*** Waiting for data ***";
  private static final int SHOWN_PER_GROUP = 10;
  private static final Set<String> HIDDEN = Set.of("circusd-stats", "circushttpd");
  private static final String SOCKETS = "sockets";

  private TopScreen() {
  }

  /** The lines of a {@code width} x {@code height} screen showing {@code board}. */
  static List<String> render(StatsBoard board, int width, int height) {
    Canvas canvas = new Canvas(width, height);
    if (board.isEmpty()) {
      canvas.put(1, 0, WAITING);
      return canvas.lines();
    }
    canvas.put(0, 0, TITLE + "  (q to quit)");
    canvas.put(1, 0, "-".repeat(width));
    int line = 2;
    for (Map.Entry<String, StatsBoard.Group> group : board.groups().entrySet()) {
      if (HIDDEN.contains(group.getKey())) {
        continue;
      }
      canvas.put(line++, 0, group.getKey().replace('-', '.'));
      line = group.getKey().equals(SOCKETS) ? sockets(canvas, line, group.getValue()) : processes(canvas, line, group.getValue());
    }
    canvas.put(line, 0, "-".repeat(width));
    return canvas.lines();
  }

  private static int processes(Canvas canvas, int line, StatsBoard.Group group) {
    canvas.put(line, 3, "PID");
    canvas.put(line, 28, "CPU (%)");
    canvas.put(line, 48, "MEMORY (%)");
    canvas.put(line, 68, "AGE (s)");
    line++;
    List<JsonObject> members = new ArrayList<>(group.members());
    members.sort(Comparator.comparingDouble((JsonObject m) -> number(m.getValue("cpu"))).reversed());
    for (JsonObject member : members.subList(0, Math.min(SHOWN_PER_GROUP, members.size()))) {
      String name = member.getString("name");
      String pid = String.valueOf(member.getValue("pid"));
      canvas.put(line, 2, name == null ? pid : pid + " (" + name + ")");
      canvas.put(line, 29, figure(member.getValue("cpu")));
      canvas.put(line, 49, figure(member.getValue("mem")));
      canvas.put(line, 69, figure(member.getValue("age")));
      line++;
    }
    JsonObject total = group.aggregate();
    if (total != null) {
      canvas.put(line, 29, figure(total.getValue("cpu")) + " (avg)");
      canvas.put(line, 49, figure(total.getValue("mem")) + " (sum)");
      canvas.put(line, 69, figure(total.getValue("age")) + " (older)");
    }
    return line + 2;
  }

  private static int sockets(Canvas canvas, int line, StatsBoard.Group group) {
    canvas.put(line, 3, "ADDRESS");
    canvas.put(line, 28, "HITS");
    line++;
    List<JsonObject> members = new ArrayList<>(group.members());
    members.sort(Comparator.comparingDouble((JsonObject m) -> number(m.getValue("reads"))).reversed());
    for (JsonObject member : members) {
      canvas.put(line, 2, String.valueOf(member.getValue("address")));
      canvas.put(line, 29, String.format(Locale.ROOT, "%3d", (long) number(member.getValue("reads"))));
      line++;
    }
    JsonObject total = group.aggregate();
    long sum = total == null ? 0 : (long) number(total.getValue("reads"));
    canvas.put(line, 29, String.format(Locale.ROOT, "%3d (sum)", sum));
    return line + 2;
  }

  /** A figure as Circus prints it: two decimals, or the text sent (N/A). */
  private static String figure(Object value) {
    return value instanceof Number n ? String.format(Locale.ROOT, "%.2f", n.doubleValue()) : String.valueOf(value);
  }

  private static double number(Object value) {
    return value instanceof Number n ? n.doubleValue() : -1;
  }

  /** Text placed at (row, column), cut at the last column, rows past the bottom dropped. */
  private static final class Canvas {
    private final int width;
    private final List<StringBuilder> rows = new ArrayList<>();

    Canvas(int width, int height) {
      this.width = width;
      for (int i = 0; i < height; i++) {
        rows.add(new StringBuilder());
      }
    }

    void put(int row, int column, String text) {
      int room = width - column - 1;
      if (row >= rows.size() || room <= 0) {
        return;
      }
      StringBuilder line = rows.get(row);
      while (line.length() < column) {
        line.append(' ');
      }
      line.setLength(column);
      line.append(text, 0, Math.min(text.length(), room));
    }

    List<String> lines() {
      return rows.stream().map(StringBuilder::toString).toList();
    }
  }
}
