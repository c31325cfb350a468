package io.circus.plugins;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.util.function.BiConsumer;

/**
 * How a plugin reaches circusd: its commands and its events. In circusd's JVM that is the event
 * bus ({@link BusChannel}); from another process, ZeroMQ ({@link ZmqChannel}). The plugin never
 * knows which.
 */
interface PluginChannel {

  /** Sends a command and completes, on {@code context}, with the reply; an error reply fails it. */
  Future<JsonObject> call(Context context, String command, JsonObject properties);

  /** Sends a command without waiting for, or getting, a reply. */
  void cast(String command, JsonObject properties);

  /** Delivers every {@code watcher.*} event as (topic, data) to {@code handler}, on {@code context}. */
  Future<Void> subscribe(Context context, BiConsumer<String, JsonObject> handler);

  /** Stops the events and releases the connection; completes on {@code context}. */
  Future<Void> close(Context context);
}
