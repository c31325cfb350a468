package io.circus.client;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A subscriber to circusd's events channel (the PUB socket at {@code pubsub_endpoint}, SPEC §1.9),
 * or to its stats stream ({@code stats_endpoint}, §1.10, same framing): a SUB socket subscribed to
 * topic prefixes ({@code ""} for everything, {@code watcher.web.} for one watcher), on a tcp or an
 * ipc endpoint. Blocking and single-threaded: use it from one thread, and close it there.
 */
public final class EventSubscriber implements AutoCloseable {

  public static final String DEFAULT_ENDPOINT = "tcp://127.0.0.1:5556";

  private final ClientSocket socket;

  private EventSubscriber(ClientSocket socket) {
    this.socket = socket;
  }

  /**
   * @throws CircusClientException when the endpoint is not a valid ZeroMQ address, or for ipc when
   *     the socket file is missing or nobody listens on it
   */
  public static EventSubscriber connect(String endpoint, List<String> topicPrefixes) {
    return new EventSubscriber(ClientSocket.subscriber(endpoint, topicPrefixes));
  }

  /**
   * The next event, or empty when none came within {@code timeout}. Messages that are not
   * {@code [topic, body]} pairs do not come from circusd and are skipped.
   */
  public Optional<CircusEvent> receive(Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    boolean polled = false;
    while (true) {
      byte[][] message = socket.receive();
      if (message != null) {
        if (message.length == 2) return Optional.of(new CircusEvent(message[0], message[1]));
        continue;
      }
      long left = deadline - System.nanoTime();
      if (left <= 0 && polled) return Optional.empty();
      // Polled once even without time to wait: the ipc socket reads (and handshakes) only then.
      socket.poll(left <= 0 ? 0 : Math.max(1, TimeUnit.NANOSECONDS.toMillis(left)));
      polled = true;
    }
  }

  @Override
  public void close() {
    socket.close();
  }
}
