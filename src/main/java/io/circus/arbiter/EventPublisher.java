package io.circus.arbiter;

import io.vertx.core.json.JsonObject;

/**
 * Where watchers report what happens to them: one call per Circus event ({@code spawn},
 * {@code reap}, {@code kill}, {@code start}, {@code stop}, ...), with Circus's payload.
 */
@FunctionalInterface
public interface EventPublisher {

  void publish(String watcherName, String event, JsonObject data);

  /** Publishes an event whose payload is only its time ({@code add}, {@code remove}, {@code updated}, ...). */
  default void publishNow(String watcherName, String event) {
    publish(watcherName, event, new JsonObject().put("time", EpochTime.now()));
  }

  EventPublisher NONE = (watcher, event, data) -> { };
}
