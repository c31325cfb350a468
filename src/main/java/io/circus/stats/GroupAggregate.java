package io.circus.stats;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;

/**
 * The per-group message of the stats stream ({@code stat.<watcher>}, {@code stat.circus}) that
 * follows its per-process ones, as Circus computes it: the pids sampled, the average CPU
 * percentage (an indicator, 0.0 for none), the memory percentages summed, the oldest age.
 */
final class GroupAggregate {

  private GroupAggregate() {
  }

  static JsonObject of(List<JsonObject> records) {
    JsonArray pids = new JsonArray();
    double cpu = 0;
    double mem = 0;
    Double oldest = null;
    for (JsonObject record : records) {
      pids.add(record.getValue("pid"));
      cpu += record.getDouble("cpu");
      mem += record.getDouble("mem");
      double age = record.getDouble("age");
      oldest = oldest == null ? age : Math.max(oldest, age);
    }
    JsonObject aggregate = new JsonObject().put("pid", pids).put("cpu", records.isEmpty() ? 0.0 : cpu / records.size());
    // Python's sum([]) is the integer 0, and max() of no age is N/A.
    return aggregate.put("mem", records.isEmpty() ? (Object) 0 : (Object) mem).put("age", oldest == null ? "N/A" : oldest);
  }
}
