package io.circus.client;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;

/**
 * What a waited-for start, restart, reload or add did to one watcher's processes, as pids:
 * {@code started} new, {@code kept} present before and after, {@code stopped} gone. Empty lists
 * when the daemon reported nothing (the call did not wait, several watchers were matched, or the
 * operation was a stop).
 */
public record ProcessChanges(List<Long> started, List<Long> kept, List<Long> stopped) {

  public static final ProcessChanges NONE = new ProcessChanges(List.of(), List.of(), List.of());

  public ProcessChanges {
    started = List.copyOf(started);
    kept = List.copyOf(kept);
    stopped = List.copyOf(stopped);
  }

  /** Reads {@code started}/{@code kept}/{@code stopped} from {@code fields} (null: {@link #NONE}). */
  static ProcessChanges of(JsonObject fields) {
    if (fields == null) return NONE;
    return new ProcessChanges(pids(fields, "started"), pids(fields, "kept"), pids(fields, "stopped"));
  }

  static List<Long> pids(JsonObject fields, String key) {
    JsonArray array = fields.getJsonArray(key);
    List<Long> pids = new ArrayList<>();
    if (array != null) {
      for (Object pid : array) pids.add(((Number) pid).longValue());
    }
    return pids;
  }
}
