package io.circus.plugins;

import io.circus.arbiter.BusEventPublisher;
import io.circus.client.EventBusCircusClient;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.json.JsonObject;
import java.util.function.BiConsumer;

/** A plugin inside circusd: commands to {@code circus.command}, events from {@code circus.events}. */
final class BusChannel extends PluginChannel {

  static final String TOPIC_PREFIX = "watcher.";

  private final Vertx vertx;
  private MessageConsumer<JsonObject> consumer;

  BusChannel(Vertx vertx) {
    super(new EventBusCircusClient(vertx.eventBus()));
    this.vertx = vertx;
  }

  /** Must be called on {@code context}: the consumer delivers there. */
  @Override
  Future<Void> subscribe(Context context, BiConsumer<String, JsonObject> handler) {
    consumer = vertx.eventBus().consumer(BusEventPublisher.ADDRESS, message -> {
      JsonObject event = message.body();
      String topic = event.getString("topic", "");
      if (topic.startsWith(TOPIC_PREFIX)) {
        handler.accept(topic, event.getJsonObject("data", new JsonObject()));
      }
    });
    return consumer.completion();
  }

  @Override
  Future<Void> close(Context context) {
    return consumer == null ? Future.succeededFuture() : consumer.unregister();
  }
}
