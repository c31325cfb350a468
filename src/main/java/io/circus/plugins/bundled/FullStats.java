package io.circus.plugins.bundled;

import io.circus.config.PluginSpec;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;

/**
 * Every {@code loop_rate} seconds, sends statsd gauges of each watcher's processes from the
 * {@code stats} command (Circus's {@code circus.plugins.statsd.FullStats}):
 * {@code _stats.NAME.watchers_num} (processes measured), {@code cpu_max}, {@code cpu_sum},
 * {@code mem_pct_max}, {@code mem_pct_sum}, {@code mem_max} and {@code mem_sum} (resident bytes).
 * Plugins are left out; a failed {@code stats} counts {@code _stats.error}.
 */
public final class FullStats extends StatsdObserver {

  @Override
  protected void lookAfter() {
    call("stats", new JsonObject()).onSuccess(this::report).onFailure(e -> statsd().increment("_stats.error"));
  }

  private void report(JsonObject reply) {
    JsonObject infos = reply.getJsonObject("infos", new JsonObject());
    for (String name : infos.fieldNames()) {
      if (name.startsWith(PluginSpec.WATCHER_PREFIX) || !(infos.getValue(name) instanceof JsonObject processes)) {
        continue;
      }
      List<Double> cpus = new ArrayList<>();
      List<Double> mems = new ArrayList<>();
      List<Long> rss = new ArrayList<>();
      for (String pid : processes.fieldNames()) {
        if (processes.getValue(pid) instanceof JsonObject record) {
          cpus.add(ProcessRecords.number(record.getValue("cpu")));
          mems.add(ProcessRecords.number(record.getValue("mem")));
          rss.add(ProcessRecords.bytes(record.getValue("mem_info1")));
        }
      }
      String bucket = "_stats." + name + ".";
      statsd().gauge(bucket + "watchers_num", cpus.size());
      if (cpus.isEmpty()) {
        continue; // only dead processes: nothing to measure
      }
      statsd().gauge(bucket + "cpu_max", cpus.stream().mapToDouble(Double::doubleValue).max().orElse(0));
      statsd().gauge(bucket + "cpu_sum", cpus.stream().mapToDouble(Double::doubleValue).sum());
      statsd().gauge(bucket + "mem_pct_max", mems.stream().mapToDouble(Double::doubleValue).max().orElse(0));
      statsd().gauge(bucket + "mem_pct_sum", mems.stream().mapToDouble(Double::doubleValue).sum());
      statsd().gauge(bucket + "mem_max", rss.stream().mapToLong(Long::longValue).max().orElse(0));
      statsd().gauge(bucket + "mem_sum", rss.stream().mapToLong(Long::longValue).sum());
    }
  }
}
