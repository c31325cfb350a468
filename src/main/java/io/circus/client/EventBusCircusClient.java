package io.circus.client;

import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.EventBus;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.eventbus.ReplyFailure;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/**
 * The Circus command channel over the Vert.x event bus: a request to {@value #COMMAND_ADDRESS}
 * whose body is the Circus request object, answered with the Circus reply object. For code inside
 * circusd's JVM or in another JVM on the clustered event bus. Closing it releases nothing: the
 * event bus belongs to its Vert.x instance.
 */
public final class EventBusCircusClient implements CircusClient {

  public static final String COMMAND_ADDRESS = "circus.command";

  private final EventBus bus;
  private final Duration timeout;

  public EventBusCircusClient(EventBus bus) {
    this(bus, DEFAULT_TIMEOUT);
  }

  public EventBusCircusClient(EventBus bus, Duration timeout) {
    this.bus = bus;
    this.timeout = timeout;
  }

  @Override
  public CompletableFuture<JsonObject> call(String command, JsonObject properties, Duration callTimeout) {
    JsonObject request = CircusRequest.call(command, properties).toJson();
    DeliveryOptions options = new DeliveryOptions().setSendTimeout(callTimeout.toMillis());
    CompletableFuture<JsonObject> result = new CompletableFuture<>();
    bus.<JsonObject>request(COMMAND_ADDRESS, request, options).onComplete(answer -> {
      if (answer.failed()) {
        result.completeExceptionally(translate(answer.cause()));
        return;
      }
      JsonObject reply = answer.result().body();
      if (reply == null) {
        result.completeExceptionally(new CircusClientException("circusd answered " + command + " with no reply body"));
      } else if ("error".equals(reply.getValue("status"))) {
        result.completeExceptionally(new CircusErrorException(reply));
      } else {
        result.complete(reply);
      }
    });
    return result;
  }

  @Override
  public CompletableFuture<Void> cast(String command, JsonObject properties) {
    bus.send(COMMAND_ADDRESS, CircusRequest.cast(command, properties).toJson());
    return CompletableFuture.completedFuture(null);
  }

  @Override
  public Duration timeout() {
    return timeout;
  }

  @Override
  public void close() {
    // nothing to release: the event bus belongs to its Vert.x instance
  }

  private static RuntimeException translate(Throwable cause) {
    if (cause instanceof ReplyException reply) {
      if (reply.failureType() == ReplyFailure.TIMEOUT) return new CircusTimeoutException();
      if (reply.failureType() == ReplyFailure.NO_HANDLERS) {
        return new CircusClientException("no circusd on this event bus: nothing consumes " + COMMAND_ADDRESS, reply);
      }
    }
    return new CircusClientException("the call failed: " + cause.getMessage(), cause);
  }
}
