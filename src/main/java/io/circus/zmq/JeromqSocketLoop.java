package io.circus.zmq;

import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.zeromq.SocketType;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;
import org.zeromq.ZMQException;

/**
 * One JeroMQ socket bound on a TCP endpoint, and the thread that owns it. The socket is created and
 * bound on the caller's thread, then handed to the loop thread by {@link #start} ({@code
 * Thread.start()} publishes it), which from then on is the only one to touch it: it blocks in a ZMQ poller on the socket
 * (when it reads from it) and on a {@link WakePipe}, and runs the tasks other threads queue with
 * {@link #execute}. Sends are non-blocking: JeroMQ drops what a peer's full queue cannot take. On
 * {@link #close} the tasks already queued still run.
 */
final class JeromqSocketLoop implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(JeromqSocketLoop.class);
  private static final int MAILBOX_CAPACITY = 1 << 16;

  private final ZContext context;
  private final ZMQ.Socket socket;
  private final String option;
  private final String endpoint;
  private Consumer<ZMQ.Socket> reader;
  private final WakePipe wakePipe = new WakePipe();
  private final Mailbox<Consumer<ZMQ.Socket>> mailbox = new Mailbox<>(MAILBOX_CAPACITY, wakePipe::ring);
  private final Thread thread;
  private volatile boolean stopping;

  private JeromqSocketLoop(ZContext context, ZMQ.Socket socket, String option) {
    this.context = context;
    this.socket = socket;
    this.option = option;
    this.endpoint = socket.getLastEndpoint();
    this.thread = new Thread(this::run, "circus-zmq-" + option);
    thread.setDaemon(true);
  }

  /**
   * Binds a socket with linger 0; {@link #start} must follow.
   *
   * @param option the endpoint's option ({@code endpoint}, {@code pubsub_endpoint}), in messages and the thread's name
   */
  static JeromqSocketLoop bind(ZContext context, SocketType type, ZmqEndpoint.Tcp endpoint, String option)
      throws EndpointBindException {
    ZMQ.Socket socket = context.createSocket(type);
    try {
      socket.setLinger(0);
      socket.setIPv6(endpoint.ipv6());
      socket.bind(endpoint.uri());
    } catch (ZMQException e) {
      socket.close();
      throw new EndpointBindException(option, endpoint.uri(), reason(e), e);
    } catch (RuntimeException e) {
      socket.close();
      throw new EndpointBindException(option, endpoint.uri(), String.valueOf(e.getMessage()), e);
    }
    return new JeromqSocketLoop(context, socket, option);
  }

  /**
   * Hands the socket over to the loop thread.
   *
   * @param reader called on the loop thread when the socket has input; null for a send-only socket
   */
  void start(Consumer<ZMQ.Socket> reader) {
    this.reader = reader;
    thread.start();
  }

  String endpoint() {
    return endpoint;
  }

  /** Any thread: runs {@code task} with the socket on the loop thread; false when the mailbox is full. */
  boolean execute(Consumer<ZMQ.Socket> task) {
    return !stopping && mailbox.offer(task);
  }

  private void run() {
    ZMQ.Poller poller = context.createPoller(2);
    try {
      int socketItem = reader == null ? -1 : poller.register(socket, ZMQ.Poller.POLLIN);
      int wakeItem = poller.register(wakePipe.readEnd(), ZMQ.Poller.POLLIN);
      while (!stopping && poller.poll(-1) >= 0) {
        if (socketItem >= 0 && poller.pollin(socketItem)) {
          reader.accept(socket);
        }
        if (poller.pollin(wakeItem)) {
          wakePipe.drain();
          mailbox.drain(this::runTask);
        }
      }
      // What was queued before the stop still goes out (the reply to quit, the last events): the
      // context's close linger gives JeroMQ time to write it.
      mailbox.drainAll(this::runTask);
    } catch (RuntimeException e) {
      log.error("{} {} stopped serving after an unexpected error", option, endpoint, e);
    } finally {
      poller.close();
      socket.close();
    }
  }

  private void runTask(Consumer<ZMQ.Socket> task) {
    try {
      task.accept(socket);
    } catch (ZMQException e) {
      log.warn("{} {}: send failed: {}", option, endpoint, reason(e));
    }
  }

  /** JeroMQ's text when it has one ("host: Name or service not known"), else its errno's name. */
  private static String reason(ZMQException e) {
    String message = e.getMessage();
    if (message != null && !message.startsWith("Errno ")) {
      return message;
    }
    try {
      return ZMQ.Error.findByCode(e.getErrorCode()).getMessage();
    } catch (IllegalArgumentException unknownCode) {
      return "errno " + e.getErrorCode();
    }
  }

  /** Stops the thread, which closes the socket, and waits for it. */
  @Override
  public void close() {
    stopping = true;
    wakePipe.ring();
    try {
      thread.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      wakePipe.close();
    }
  }
}
