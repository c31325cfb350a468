package io.circus.client;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.zeromq.SocketType;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;
import org.zeromq.ZMQException;

/**
 * A subscriber to circusd's events channel (the PUB socket at {@code pubsub_endpoint}, SPEC §1.9),
 * or to its stats stream ({@code stats_endpoint}, §1.10, same framing): a SUB socket subscribed to
 * topic prefixes ({@code ""} for everything, {@code watcher.web.} for one watcher). Blocking and single-threaded: use it from one thread, and close it there.
 */
public final class EventSubscriber implements AutoCloseable {

  public static final String DEFAULT_ENDPOINT = "tcp://127.0.0.1:5556";

  private final ZContext context;
  private final ZMQ.Socket socket;

  private EventSubscriber(ZContext context, ZMQ.Socket socket) {
    this.context = context;
    this.socket = socket;
  }

  /** @throws CircusClientException when the endpoint is not a valid ZeroMQ address */
  public static EventSubscriber connect(String endpoint, List<String> topicPrefixes) {
    ZContext context = new ZContext(1);
    try {
      ZMQ.Socket socket = context.createSocket(SocketType.SUB);
      ZmqSockets.configure(socket, endpoint);
      socket.connect(endpoint);
      for (String prefix : topicPrefixes) {
        socket.subscribe(prefix.getBytes(StandardCharsets.UTF_8));
      }
      return new EventSubscriber(context, socket);
    } catch (ZMQException | IllegalArgumentException e) {
      context.close();
      throw new CircusClientException("cannot connect to " + endpoint + ": " + e.getMessage(), e);
    }
  }

  /**
   * The next event, or empty when none came within {@code timeout}. Messages that are not
   * {@code [topic, body]} pairs do not come from circusd and are skipped.
   */
  public Optional<CircusEvent> receive(Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      long left = Math.max(0, (deadline - System.nanoTime()) / 1_000_000);
      socket.setReceiveTimeOut((int) Math.min(Integer.MAX_VALUE, left));
      byte[] topic = socket.recv();
      if (topic == null) return Optional.empty();
      if (!socket.hasReceiveMore()) continue;
      byte[] body = socket.recv();
      boolean extraFrames = socket.hasReceiveMore();
      while (socket.hasReceiveMore()) socket.recv();
      if (!extraFrames) return Optional.of(new CircusEvent(topic, body));
    }
  }

  @Override
  public void close() {
    context.close();
  }
}
