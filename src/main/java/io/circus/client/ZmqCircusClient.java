package io.circus.client;

import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/**
 * The Circus command channel over ZeroMQ, as the Python client speaks it (SPEC §1.2): a DEALER
 * with a random 32-hex identity and linger 0, connected to circusd's ROUTER endpoint
 * ({@code tcp://127.0.0.1:5555} by default, or an {@code ipc://PATH} Unix socket); one JSON frame
 * per request, replies matched by id. No Vert.x runtime is needed. The socket lives on one thread of its own, so any thread may call.
 *
 * <pre>{@code
 * try (CircusClient circus = ZmqCircusClient.connect("tcp://127.0.0.1:5555")) {
 *   System.out.println(circus.list().join());
 *   circus.incr("web", 2, true).join();
 * }
 * }</pre>
 */
public final class ZmqCircusClient implements CircusClient {

  public static final String DEFAULT_ENDPOINT = "tcp://127.0.0.1:5555";

  private final DealerLoop loop;
  private final Duration timeout;

  private ZmqCircusClient(String endpoint, Duration timeout) {
    this.loop = new DealerLoop(endpoint);
    this.timeout = timeout;
  }

  /** Connects with the default time-out of 5 s (ZeroMQ connects in the background, and retries). */
  public static ZmqCircusClient connect(String endpoint) {
    return connect(endpoint, DEFAULT_TIMEOUT);
  }

  /**
   * @throws CircusClientException when the endpoint is not a valid ZeroMQ address, or for ipc when
   *     the socket file is missing or nobody listens on it
   */
  public static ZmqCircusClient connect(String endpoint, Duration timeout) {
    return new ZmqCircusClient(endpoint, timeout);
  }

  @Override
  public CompletableFuture<JsonObject> call(String command, JsonObject properties, Duration callTimeout) {
    CompletableFuture<JsonObject> reply = new CompletableFuture<>();
    loop.call(CircusRequest.call(command, properties), callTimeout.toNanos(), reply);
    return reply;
  }

  @Override
  public CompletableFuture<Void> cast(String command, JsonObject properties) {
    CompletableFuture<Void> sent = new CompletableFuture<>();
    loop.cast(CircusRequest.cast(command, properties), sent);
    return sent;
  }

  @Override
  public Duration timeout() {
    return timeout;
  }

  @Override
  public void close() {
    loop.close();
  }
}
