package io.circus.plugins.bundled;

import io.circus.plugins.PluginOptionException;
import io.circus.plugins.PluginOptions;
import io.circus.process.Signals;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Restarts a watcher whose processes use too much, or too little, CPU or memory (Circus's
 * {@code circus.plugins.resource_watcher.ResourceWatcher}). Every {@code loop_rate} seconds it
 * reads the {@code stats} of {@code watcher} ({@code service} is the old name) and counts the
 * looks in a row where the highest CPU is over {@code max_cpu} (90 %), the highest memory over
 * {@code max_mem} (90 %; a size such as {@code 512M} means resident bytes), the lowest CPU at or
 * under {@code min_cpu}, the lowest memory under {@code min_mem}, or the mean of the highest CPU
 * and memory over {@code health_threshold} (75). When one count goes over {@code max_count} (3),
 * the watcher is restarted. With {@code process_children}, each child of a process is watched
 * the same way on its own and sent {@code child_signal} (SIGTERM) instead. Each finding is also
 * counted in statsd ({@code _resource_watcher.WATCHER.over_cpu}, ...).
 */
public final class ResourceWatcher extends StatsdObserver {

  private static final String PARENT = "parent";

  private String watcher;
  private double maxCpu;
  private Limit maxMem;
  private Double minCpu;
  private Limit minMem;
  private double healthThreshold;
  private int maxCount;
  private boolean processChildren;
  private int childSignal;
  private final Map<String, Counts> counts = new HashMap<>();

  /** A memory limit: a percentage of the machine's memory, or a number of bytes. */
  private record Limit(double value, boolean percent) {
    static Limit read(PluginOptions options, String key, Double fallbackPercent) {
      String text = options.optional(key).orElse(null);
      if (text == null) return fallbackPercent == null ? null : new Limit(fallbackPercent, true);
      try {
        return new Limit(options.number(key, 0), true);
      } catch (PluginOptionException notANumber) {
        return new Limit(options.bytes(key, 0), false);
      }
    }

    boolean exceededBy(Sample s) {
      return percent ? s.maxMem > value : s.maxRss > value;
    }

    boolean notReachedBy(Sample s) {
      return percent ? s.minMem < value : s.minRss < value;
    }
  }

  private static final class Counts {
    int overCpu;
    int underCpu;
    int overMem;
    int underMem;
    int health;

    int highest() {
      return Math.max(Math.max(Math.max(overCpu, underCpu), Math.max(overMem, underMem)), health);
    }
  }

  /** The extremes over some process records. */
  private record Sample(double maxCpu, double minCpu, double maxMem, double minMem, long maxRss, long minRss) {
    static Sample of(List<JsonObject> records) {
      if (records.isEmpty()) return new Sample(0, 0, 0, 0, 0, 0);
      // Circus counts a figure it cannot read ("N/A") as 100 %.
      double[] cpu = records.stream().mapToDouble(r -> percent(r.getValue("cpu"))).toArray();
      double[] mem = records.stream().mapToDouble(r -> percent(r.getValue("mem"))).toArray();
      long[] rss = records.stream().mapToLong(r -> ProcessRecords.bytes(r.getValue("mem_info1"))).toArray();
      return new Sample(max(cpu), min(cpu), max(mem), min(mem), java.util.Arrays.stream(rss).max().orElse(0),
          java.util.Arrays.stream(rss).min().orElse(0));
    }

    private static double percent(Object value) {
      return value instanceof Number n ? n.doubleValue() : 100.0;
    }

    private static double max(double[] values) {
      return java.util.Arrays.stream(values).max().orElse(0);
    }

    private static double min(double[] values) {
      return java.util.Arrays.stream(values).min().orElse(0);
    }
  }

  @Override
  protected void configure(PluginOptions options) {
    super.configure(options);
    watcher = options.optional("watcher").or(() -> options.optional("service"))
        .orElseThrow(() -> new PluginOptionException("watcher", "", "the name of the watcher to look after (watcher = NAME)"));
    maxCpu = options.number("max_cpu", 90);
    maxMem = Limit.read(options, "max_mem", 90.0);
    minCpu = options.has("min_cpu") ? options.number("min_cpu", 0) : null;
    minMem = Limit.read(options, "min_mem", null);
    healthThreshold = options.number("health_threshold", 75);
    maxCount = options.integer("max_count", 3, 0);
    processChildren = options.bool("process_children", false);
    childSignal = options.signal("child_signal", Signals.SIGTERM);
  }

  @Override
  protected void lookAfter() {
    call("stats", new JsonObject().put("name", watcher))
        .onSuccess(reply -> look(reply.getJsonObject("info", new JsonObject())))
        .onFailure(e -> statsd().increment("_resource_watcher." + watcher + ".error"));
  }

  private void look(JsonObject info) {
    List<JsonObject> processes = new ArrayList<>();
    info.forEach(e -> {
      if (e.getValue() instanceof JsonObject record) processes.add(record);
    });
    if (judge(PARENT, Sample.of(processes))) {
      statsd().increment("_resource_watcher." + watcher + ".restarting");
      cast("restart", new JsonObject().put("name", watcher));
    }
    if (!processChildren) {
      return;
    }
    for (JsonObject process : processes) {
      for (Object child : process.getJsonArray("children", new JsonArray())) {
        if (child instanceof JsonObject record && judge(String.valueOf(record.getValue("pid")), Sample.of(List.of(record)))) {
          statsd().increment("_resource_watcher." + watcher + ".restarting");
          cast("signal", new JsonObject().put("name", watcher).put("pid", process.getValue("pid"))
              .put("child_pid", record.getValue("pid")).put("signum", childSignal));
          counts.remove(String.valueOf(record.getValue("pid")));
        }
      }
    }
  }

  /** Counts what this look found for {@code index}; true when it is time to act (the counts then restart). */
  private boolean judge(String index, Sample s) {
    Counts c = counts.computeIfAbsent(index, i -> new Counts());
    c.overCpu = count(maxCpu > 0 && s.maxCpu > maxCpu, c.overCpu, "over_cpu");
    c.underCpu = count(minCpu != null && s.minCpu <= minCpu, c.underCpu, "under_cpu");
    c.overMem = count(maxMem != null && maxMem.exceededBy(s), c.overMem, "over_memory");
    c.underMem = count(minMem != null && minMem.notReachedBy(s), c.underMem, "under_memory");
    c.health = count(healthThreshold > 0 && (s.maxCpu + s.maxMem) / 2 > healthThreshold, c.health, "over_health");
    if (c.highest() > maxCount) {
      counts.put(index, new Counts());
      return true;
    }
    return false;
  }

  private int count(boolean found, int count, String what) {
    if (!found) return 0;
    statsd().increment("_resource_watcher." + watcher + "." + what);
    return count + 1;
  }
}
