package io.circus.zmq;

import io.circus.arbiter.Await;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.eventbus.Message;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Stands in for the controller on {@code circus.command}: echoes each request's id and payload back
 * in a JSON reply, replies null to casts, replies after {@code properties.delay_ms} to the command
 * {@code slow}, answers invalid JSON with errno 1, or replies what a test chose. Records every
 * payload it was given.
 */
final class StandInController {

  private final Vertx vertx;
  private final ConcurrentLinkedQueue<String> payloads = new ConcurrentLinkedQueue<>();
  private final ConcurrentLinkedQueue<byte[]> rawPayloads = new ConcurrentLinkedQueue<>();
  private final AtomicInteger repliesSent = new AtomicInteger();
  private final MessageConsumer<Buffer> consumer;
  private volatile JsonObject fixedReply;

  private StandInController(Vertx vertx) {
    this.vertx = vertx;
    this.consumer = vertx.eventBus().consumer(CommandRelay.ADDRESS, this::handle);
  }

  static StandInController register(Vertx vertx) {
    StandInController controller = new StandInController(vertx);
    Await.result(controller.consumer.completion());
    return controller;
  }

  /** From now on, replies this to every request instead of echoing it. */
  void replyWith(JsonObject reply) {
    fixedReply = reply;
  }

  /** Every payload received, in arrival order, as text. */
  List<String> payloads() {
    return List.copyOf(payloads);
  }

  /** Every payload received, in arrival order, as bytes. */
  List<byte[]> rawPayloads() {
    return List.copyOf(rawPayloads);
  }

  /** Replies sent so far, null replies included. */
  int repliesSent() {
    return repliesSent.get();
  }

  private void handle(Message<Buffer> message) {
    rawPayloads.add(message.body().getBytes());
    String payload = message.body().toString(StandardCharsets.UTF_8);
    payloads.add(payload);
    if (fixedReply != null) {
      reply(message, fixedReply);
      return;
    }
    JsonObject request;
    try {
      request = new JsonObject(payload);
    } catch (DecodeException e) {
      reply(message, new JsonObject().put("status", "error").put("reason", "json invalid").put("errno", 1)
          .putNull("id"));
      return;
    }
    if ("cast".equals(request.getString("msg_type"))) {
      reply(message, null);
      return;
    }
    JsonObject reply = new JsonObject().put("status", "ok").put("command", request.getString("command"))
        .put("payload", payload).put("id", request.getValue("id"));
    if ("slow".equals(request.getString("command"))) {
      long delay = request.getJsonObject("properties").getLong("delay_ms");
      vertx.setTimer(delay, t -> reply(message, reply));
    } else {
      reply(message, reply);
    }
  }

  private void reply(Message<Buffer> message, JsonObject reply) {
    message.reply(reply);
    repliesSent.incrementAndGet();
  }
}
