package io.circus.client;

import io.vertx.core.json.JsonObject;

/**
 * Which watchers {@code start}, {@code stop} and {@code restart} act on: all of them (no name;
 * for {@code restart} that restarts the whole arbiter), one by name, or those a pattern matches.
 * A null {@code match} leaves the daemon's default (glob).
 */
public record WatcherSelection(String name, MatchMethod match) {

  public static WatcherSelection all() {
    return new WatcherSelection(null, null);
  }

  /** One watcher, matched exactly (any case). */
  public static WatcherSelection named(String name) {
    return new WatcherSelection(name, MatchMethod.SIMPLE);
  }

  public static WatcherSelection matching(String pattern, MatchMethod match) {
    return new WatcherSelection(pattern, match);
  }

  JsonObject properties(boolean waiting) {
    JsonObject properties = new JsonObject();
    if (name != null) properties.put("name", name);
    if (match != null) properties.put("match", match.wireName());
    return properties.put("waiting", waiting);
  }
}
