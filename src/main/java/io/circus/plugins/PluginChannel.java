package io.circus.plugins;

import io.circus.client.CircusClient;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.util.function.BiConsumer;

/**
 * How a plugin reaches circusd: its commands and its events. In circusd's JVM that is the event
 * bus ({@link BusChannel}); from another process, ZeroMQ ({@link ZmqChannel}). The plugin never
 * knows which.
 */
abstract class PluginChannel {

  /** Commands go through a client of the Java client library, whichever the transport. */
  protected final CircusClient client;

  PluginChannel(CircusClient client) {
    this.client = client;
  }

  /** Sends a command and completes, on {@code context}, with the reply; an error reply fails it. */
  final Future<JsonObject> call(Context context, String command, JsonObject properties) {
    return Future.fromCompletionStage(client.call(command, properties), context);
  }

  /** Sends a command without waiting for, or getting, a reply. */
  final void cast(String command, JsonObject properties) {
    client.cast(command, properties);
  }

  /** Delivers every {@code watcher.*} event as (topic, data) to {@code handler}, on {@code context}. */
  abstract Future<Void> subscribe(Context context, BiConsumer<String, JsonObject> handler);

  /** Stops the events and releases the connection; completes on {@code context}. */
  abstract Future<Void> close(Context context);
}
