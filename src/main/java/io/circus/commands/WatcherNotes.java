package io.circus.commands;

import io.vertx.core.json.JsonObject;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Notes plugins attach to watchers with {@code annotate} (the flapping plugin's back-off state,
 * for one), by watcher and then by plugin, shown by {@code status}. Not part of a watcher's
 * spec: they go when the plugin removes them or the daemon stops.
 */
public final class WatcherNotes {

  private final Map<String, Map<String, JsonObject>> notes = new ConcurrentHashMap<>();

  void put(String watcher, String key, JsonObject note) {
    String name = watcher.toLowerCase(Locale.ROOT);
    if (note == null) {
      notes.computeIfPresent(name, (n, byKey) -> {
        byKey.remove(key);
        return byKey.isEmpty() ? null : byKey;
      });
    } else {
      notes.computeIfAbsent(name, n -> new ConcurrentHashMap<>()).put(key, note.copy());
    }
  }

  /** The notes of one watcher by plugin ({@code {"flapping": {...}}}), empty when none. */
  JsonObject of(String watcher) {
    JsonObject result = new JsonObject();
    notes.getOrDefault(watcher.toLowerCase(Locale.ROOT), Map.of()).forEach((key, note) -> result.put(key, note.copy()));
    return result;
  }
}
