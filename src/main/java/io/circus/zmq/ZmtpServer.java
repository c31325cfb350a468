package io.circus.zmq;

import java.io.IOException;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An endpoint's ZMTP server: a {@link ListeningSocket} (a TCP port or a Unix socket file) and one
 * thread that owns it and every peer
 * connection. The thread blocks in a selector; other threads hand it work with {@link #execute},
 * which wakes the selector. Peers that do not finish their handshake in time are closed. Accept
 * failures (out of descriptors) pause accepting briefly instead of spinning. On {@link #close} the
 * tasks already queued still run and the peers get a bounded time to take their output.
 */
final class ZmtpServer implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(ZmtpServer.class);
  private static final int MAILBOX_CAPACITY = 1 << 16;
  private static final long HANDSHAKE_TIMEOUT_NANOS = Duration.ofSeconds(10).toNanos();
  private static final long ACCEPT_PAUSE_NANOS = Duration.ofMillis(100).toNanos();
  /** How long closing may take to send what is queued to peers that are slow or gone. */
  static final Duration CLOSE_LINGER = Duration.ofSeconds(1);

  private final ListeningSocket listener;
  private final String option;
  private final String endpoint;
  private final Selector selector;
  private final SelectionKey acceptKey;
  private final Mailbox<Runnable> mailbox;
  private final ArrayDeque<ZmtpConnection> handshaking = new ArrayDeque<>();
  private final DropCounter acceptFailures;
  private final Thread thread;
  private ZmtpPeerHandler handler;
  private long connections;
  private long acceptPausedUntil;
  private boolean acceptPaused;
  private volatile boolean stopping;

  private ZmtpServer(ListeningSocket listener, String option) throws IOException {
    this.listener = listener;
    this.option = option;
    this.endpoint = listener.endpoint();
    this.selector = Selector.open();
    listener.channel().configureBlocking(false);
    this.acceptKey = listener.channel().register(selector, SelectionKey.OP_ACCEPT);
    this.mailbox = new Mailbox<>(MAILBOX_CAPACITY, selector::wakeup);
    this.acceptFailures = new DropCounter(option + " " + endpoint + ": connections not accepted");
    this.thread = new Thread(this::run, "circus-zmq-" + option);
    thread.setDaemon(true);
  }

  /**
   * Binds the endpoint (a {@link TcpListener} or a {@link UnixSocketFile}); {@link #start} must follow.
   *
   * @param owner {@code endpoint_owner}, or null; applies to ipc only
   * @param option the endpoint's option ({@code endpoint}, {@code pubsub_endpoint}), in messages and the thread's name
   */
  static ZmtpServer bind(ZmqEndpoint endpoint, String owner, String option) throws EndpointBindException {
    ListeningSocket listener = endpoint instanceof ZmqEndpoint.Tcp tcp
        ? TcpListener.bind(tcp, option)
        : UnixSocketFile.bind(((ZmqEndpoint.Ipc) endpoint).path(), owner, option);
    try {
      return new ZmtpServer(listener, option);
    } catch (IOException e) {
      listener.close();
      throw new EndpointBindException(option, endpoint.toString(), e.getMessage(), e);
    }
  }

  /** Starts serving peers with {@code handler}, which from now on runs on this server's thread. */
  void start(ZmtpPeerHandler handler) {
    this.handler = handler;
    thread.start();
  }

  String endpoint() {
    return endpoint;
  }

  /** Any thread: runs {@code task} on the server's thread; false when the mailbox is full. */
  boolean execute(Runnable task) {
    return !stopping && mailbox.offer(task);
  }

  private void run() {
    try {
      while (!stopping) {
        selector.select(this::onSelected, timeoutMillis());
        mailbox.drain(Runnable::run);
        closeOverdueHandshakes();
        resumeAccepting();
      }
      mailbox.drainAll(Runnable::run);
      flushPeers();
    } catch (IOException | RuntimeException e) {
      log.error("{} {} stopped serving after an unexpected error", option, endpoint, e);
    } finally {
      closeEverything();
    }
  }

  private void onSelected(SelectionKey key) {
    if (key == acceptKey) {
      acceptAll();
      return;
    }
    ZmtpConnection peer = (ZmtpConnection) key.attachment();
    if (key.isValid() && key.isWritable()) {
      peer.onWritable();
    }
    if (key.isValid() && key.isReadable()) {
      peer.onReadable();
    }
  }

  private void acceptAll() {
    while (true) {
      SocketChannel channel;
      try {
        channel = listener.channel().accept();
      } catch (IOException e) {
        acceptFailures.drop();
        log.debug("{} {}: accept failed: {}", option, endpoint, e.getMessage());
        pauseAccepting();
        return;
      }
      if (channel == null) {
        return;
      }
      try {
        listener.prepare(channel);
        channel.configureBlocking(false);
        SelectionKey key = channel.register(selector, SelectionKey.OP_READ);
        String name = option + " " + endpoint + " peer " + (++connections);
        ZmtpConnection peer = new ZmtpConnection(name, channel, key, handler, System.nanoTime() + HANDSHAKE_TIMEOUT_NANOS);
        key.attach(peer);
        handshaking.add(peer);
        peer.start();
      } catch (IOException e) {
        log.warn("{} {}: cannot set up a new connection: {}", option, endpoint, e.getMessage());
        closeRefused(channel);
      }
    }
  }

  private void pauseAccepting() {
    acceptKey.interestOps(0);
    acceptPaused = true;
    acceptPausedUntil = System.nanoTime() + ACCEPT_PAUSE_NANOS;
  }

  private void resumeAccepting() {
    if (acceptPaused && System.nanoTime() - acceptPausedUntil >= 0) {
      acceptPaused = false;
      acceptKey.interestOps(SelectionKey.OP_ACCEPT);
    }
  }

  /** Handshakes start in accept order, so their deadlines come in queue order. */
  private void closeOverdueHandshakes() {
    long now = System.nanoTime();
    while (!handshaking.isEmpty()) {
      ZmtpConnection oldest = handshaking.peekFirst();
      if (oldest.handshakeOverdue(now)) {
        oldest.fail("no ZMTP handshake within " + TimeUnit.NANOSECONDS.toSeconds(HANDSHAKE_TIMEOUT_NANOS) + " s");
      } else if (!oldest.handshakeDone()) {
        return;
      }
      handshaking.pollFirst();
    }
  }

  /** How long the selector may sleep: until the next handshake deadline or accept resumption, else forever (0). */
  private long timeoutMillis() {
    long now = System.nanoTime();
    long next = Long.MAX_VALUE;
    if (!handshaking.isEmpty()) {
      next = Math.min(next, handshaking.peekFirst().handshakeDeadlineNanos() - now);
    }
    if (acceptPaused) {
      next = Math.min(next, acceptPausedUntil - now);
    }
    return next == Long.MAX_VALUE ? 0 : Math.max(1, TimeUnit.NANOSECONDS.toMillis(next) + 1);
  }

  /**
   * As the server stops: gives the peers up to {@link #CLOSE_LINGER} to take what is
   * queued for them (the reply to quit, the last events); no new connection is accepted meanwhile.
   */
  private void flushPeers() throws IOException {
    acceptKey.cancel();
    long deadline = System.nanoTime() + CLOSE_LINGER.toNanos();
    while (peersHaveOutput()) {
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        log.info("{} {}: closing with output unsent to peers that do not read", option, endpoint);
        return;
      }
      selector.select(this::onSelected, Math.max(1, TimeUnit.NANOSECONDS.toMillis(left)));
    }
  }

  private boolean peersHaveOutput() {
    for (SelectionKey key : selector.keys()) {
      if (key.attachment() instanceof ZmtpConnection peer && peer.hasPendingOutput()) {
        return true;
      }
    }
    return false;
  }

  private void closeEverything() {
    List<SelectionKey> keys = new ArrayList<>(selector.keys());
    for (SelectionKey key : keys) {
      if (key.attachment() instanceof ZmtpConnection peer) {
        peer.close("the endpoint is closing");
      }
    }
    try {
      selector.close();
    } catch (IOException e) {
      log.warn("{} {}: closing the selector failed: {}", option, endpoint, e.getMessage());
    }
    listener.close();
  }

  private void closeRefused(SocketChannel channel) {
    try {
      channel.close();
    } catch (IOException e) {
      log.debug("{} {}: closing a refused connection failed: {}", option, endpoint, e.getMessage());
    }
  }

  /** Stops the thread, which closes every connection and the listening socket (removing an ipc file), and waits for it. */
  @Override
  public void close() {
    stopping = true;
    selector.wakeup();
    try {
      thread.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
