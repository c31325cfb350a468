package io.circus.arbiter;

import io.vertx.core.json.JsonObject;

/**
 * Where watchers report what happens to them: one call per Circus event ({@code spawn},
 * {@code reap}, {@code kill}, {@code start}, {@code stop}, ...), with Circus's payload.
 */
@FunctionalInterface
public interface EventPublisher {

  void publish(String watcherName, String event, JsonObject data);

  EventPublisher NONE = (watcher, event, data) -> { };
}
