package io.circus.zmq;

import io.circus.client.json.JsonWriter;
import io.circus.commands.Controller;
import io.vertx.core.AsyncResult;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.EventBus;
import io.vertx.core.eventbus.Message;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Carries controller requests to the bus and replies back. A well-framed message {@code [routing id,
 * payload]} becomes a request to {@value #ADDRESS} with the payload's bytes untouched (the
 * controller decodes and validates them); a {@link JsonObject} reply goes back as JSON written as
 * Python's {@code json.dumps} writes it (what Circus sends), a null reply (a cast) sends nothing. Any other frame count is logged and dropped, as Circus does.
 * Requests are independent: replies go out in completion order.
 *
 * <p>When the daemon stops, {@link #close} refuses new requests and lets the replies of those in
 * flight reach the socket first: the ok to {@code quit} is sent before circusd exits.
 */
final class CommandRelay implements ControllerSocket.MessageListener {

  static final String ADDRESS = Controller.ADDRESS;

  private static final Logger log = LoggerFactory.getLogger(CommandRelay.class);
  /** Circus has no server-side timeout (a waiting command may take minutes); this only bounds a lost reply. */
  private static final DeliveryOptions REQUEST = new DeliveryOptions()
      .setSendTimeout(Duration.ofDays(1).toMillis())
      // The controller of this daemon, not one on another node of a clustered bus.
      .setLocalOnly(true);
  /** Bounds what a flood of requests can pile up while the controller is busy. */
  private static final int MAX_IN_FLIGHT = 10_000;

  private final EventBus bus;
  private final AtomicInteger inFlight = new AtomicInteger();
  private final DropCounter refused = new DropCounter("controller: requests refused (" + MAX_IN_FLIGHT
      + " already waiting for the controller)");
  private final Promise<Void> drained = Promise.promise();
  private volatile boolean closing;

  CommandRelay(EventBus bus) {
    this.bus = bus;
  }

  @Override
  public void onMessage(ControllerSocket socket, byte[] routingId, byte[] firstFrame, int frames) {
    if (frames != 2) {
      log.warn("{}: got unexpected message of {} frames from {} (a request is [routing id, payload]): dropped",
          socket.endpoint(), frames, new RoutingId(routingId));
      return;
    }
    if (closing) {
      log.info("{}: request from {} dropped: the daemon is stopping", socket.endpoint(), new RoutingId(routingId));
      return;
    }
    if (inFlight.incrementAndGet() > MAX_IN_FLIGHT) {
      inFlight.decrementAndGet();
      refused.drop();
      return;
    }
    bus.request(ADDRESS, Buffer.buffer(firstFrame), REQUEST)
        .onComplete(reply -> onReply(socket, routingId, reply));
  }

  private void onReply(ControllerSocket socket, byte[] routingId, AsyncResult<Message<Object>> reply) {
    try {
      forward(socket, routingId, reply);
    } finally {
      if (inFlight.decrementAndGet() == 0 && closing) {
        drained.tryComplete();
      }
    }
  }

  private void forward(ControllerSocket socket, byte[] routingId, AsyncResult<Message<Object>> reply) {
    if (reply.failed()) {
      log.warn("{}: no reply for {}: {}", socket.endpoint(), new RoutingId(routingId), reply.cause().getMessage());
      return;
    }
    Object body = reply.result().body();
    if (body instanceof JsonObject json) {
      String encoded;
      try {
        encoded = JsonWriter.compact(json);
      } catch (IllegalArgumentException e) {
        log.error("{}: the controller's reply to {} is not JSON ({}): dropped", socket.endpoint(),
            new RoutingId(routingId), e.getMessage());
        return;
      }
      socket.reply(routingId, encoded.getBytes(StandardCharsets.US_ASCII));
    } else if (body != null) {
      log.error("{}: the controller replied with a {}, not a JsonObject: dropped", socket.endpoint(),
          body.getClass().getName());
    }
  }

  /**
   * Refuses new requests from now on; the future completes once every request in flight has had
   * its reply handed to the socket (the caller bounds the wait: a command may run for minutes).
   */
  Future<Void> close() {
    closing = true;
    if (inFlight.get() == 0) {
      drained.tryComplete();
    }
    return drained.future();
  }

  /** Requests still waiting for the controller's reply. */
  int inFlight() {
    return inFlight.get();
  }
}
