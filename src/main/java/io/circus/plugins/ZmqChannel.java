package io.circus.plugins;

import io.circus.client.CircusEvent;
import io.circus.client.EventSubscriber;
import io.circus.client.ZmqCircusClient;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.BiConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A plugin in a process of its own: a DEALER to circusd's {@code endpoint} for commands and a SUB
 * to its {@code pubsub_endpoint} subscribed to {@code watcher.}, as Circus's plugins connect. The
 * SUB socket is read by one thread of its own, which hands each event to the plugin's context.
 */
final class ZmqChannel extends PluginChannel {

  private static final Logger log = LoggerFactory.getLogger(ZmqChannel.class);
  private static final Duration POLL = Duration.ofMillis(200);

  private final String pubsubEndpoint;
  private final Promise<Void> subscriberDone = Promise.promise();
  private volatile boolean closing;
  private Thread subscriber;

  ZmqChannel(String endpoint, String pubsubEndpoint) {
    super(ZmqCircusClient.connect(endpoint));
    this.pubsubEndpoint = pubsubEndpoint;
  }

  @Override
  Future<Void> subscribe(Context context, BiConsumer<String, JsonObject> handler) {
    EventSubscriber events = EventSubscriber.connect(pubsubEndpoint, List.of(BusChannel.TOPIC_PREFIX));
    subscriber = new Thread(() -> receive(events, context, handler), "circus-plugin-events");
    subscriber.setDaemon(true);
    subscriber.start();
    return Future.succeededFuture();
  }

  private void receive(EventSubscriber events, Context context, BiConsumer<String, JsonObject> handler) {
    try (events) {
      while (!closing) {
        Optional<CircusEvent> event = events.receive(POLL);
        event.ifPresent(e -> deliver(e, context, handler));
      }
    } catch (RuntimeException e) {
      log.error("the events subscription to {} failed", pubsubEndpoint, e);
    } finally {
      subscriberDone.tryComplete();
    }
  }

  private static void deliver(CircusEvent event, Context context, BiConsumer<String, JsonObject> handler) {
    JsonObject data;
    try {
      data = event.data();
    } catch (RuntimeException e) {
      log.warn("skipped an event whose body is not a JSON object: {}", event.topic());
      return;
    }
    context.runOnContext(v -> handler.accept(event.topic(), data));
  }

  @Override
  Future<Void> close(Context context) {
    closing = true;
    Future<Void> stopped = subscriber == null ? Future.succeededFuture() : subscriberDone.future();
    Promise<Void> closed = Promise.promise();
    stopped.onComplete(done -> {
      client.close();
      context.runOnContext(v -> closed.complete());
    });
    return closed.future();
  }
}
