package io.circus.zmq;

import io.circus.client.json.JsonWriter;
import io.vertx.core.eventbus.EventBus;
import io.vertx.core.eventbus.Message;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes what this daemon puts on a bus address ({@code {"topic": ..., "data": {...}}}) on a PUB
 * endpoint as the two frames Circus's subscribers read: {@code [topic, data as JSON]}, the JSON
 * written as Python's {@code json.dumps} writes it, so that {@code circusctl listen} prints what it
 * prints with Circus. The same for the events ({@code circus.events}), the stats stream and output
 * lines.
 */
final class PublicationRelay {

  private static final Logger log = LoggerFactory.getLogger(PublicationRelay.class);

  private PublicationRelay() {
  }

  /** Registers the consumer, local to this node: a daemon publishes its own messages only. */
  static MessageConsumer<Object> start(EventBus bus, String address, PublisherSocket socket) {
    return bus.localConsumer(address, message -> publish(address, message, socket));
  }

  private static void publish(String address, Message<Object> message, PublisherSocket socket) {
    if (!(message.body() instanceof JsonObject publication) || !(publication.getValue("topic") instanceof String topic)) {
      log.warn("{}: dropped a message without a text topic: {}", address, message.body());
      return;
    }
    String data;
    try {
      data = JsonWriter.compact(publication.getValue("data"));
    } catch (IllegalArgumentException e) {
      log.warn("{}: dropped {}: its data is not JSON ({})", address, topic, e.getMessage());
      return;
    }
    socket.publish(topic.getBytes(StandardCharsets.UTF_8), data.getBytes(StandardCharsets.US_ASCII));
  }
}
