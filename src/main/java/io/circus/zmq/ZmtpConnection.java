package io.circus.zmq;

import io.circus.zmtp.Zmtp;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One peer of an ipc endpoint, speaking ZMTP 3.x with the NULL mechanism over a non-blocking
 * channel: greeting, READY handshake, then frames in both directions. Reads are parsed as they
 * come; writes are queued (bounded) and flushed as the channel takes them, so a peer that does not
 * read never blocks the server's thread. Used on the server's thread only.
 */
final class ZmtpConnection {

  private enum State { GREETING, HANDSHAKE, READY, CLOSED }

  private static final Logger log = LoggerFactory.getLogger(ZmtpConnection.class);

  private static final int READ_BUFFER_SIZE = 16 * 1024;
  /** Largest frame accepted; a bigger one closes the connection (commands are a few KiB). */
  private static final long MAX_FRAME_SIZE = 16L << 20;
  /** Queue bounds for messages to the peer (libzmq's default SNDHWM is 1000 messages). */
  private static final int MAX_QUEUED_MESSAGES = 1000;
  private static final long MAX_QUEUED_BYTES = 16L << 20;
  private static final int WRITES_PER_SYSCALL = 16;

  private final String name;
  private final SocketChannel channel;
  private final SelectionKey key;
  private final ZmtpPeerHandler handler;
  private final long handshakeDeadline;
  private final ArrayDeque<ByteBuffer> output = new ArrayDeque<>();
  private final ByteBuffer[] gather = new ByteBuffer[WRITES_PER_SYSCALL];
  private ByteBuffer input = ByteBuffer.allocate(READ_BUFFER_SIZE);
  private int inputNeeded;
  private long queuedBytes;
  private State state = State.GREETING;
  private boolean versionChecked;
  private boolean greetingSent;
  private Map<String, byte[]> peerProperties = Map.of();
  private byte[] firstFrame;
  private int frames;
  private RoutingId routingId;

  /**
   * @param name for log messages, e.g. "controller ipc:///run/circus.sock peer 3"
   * @param handshakeDeadline {@code System.nanoTime()} by which the handshake must be done
   */
  ZmtpConnection(String name, SocketChannel channel, SelectionKey key, ZmtpPeerHandler handler, long handshakeDeadline) {
    this.name = name;
    this.channel = channel;
    this.key = key;
    this.handler = handler;
    this.handshakeDeadline = handshakeDeadline;
  }

  /**
   * Waits for the peer's first bytes before sending our greeting: JeroMQ 0.6.0 clients (circusctl
   * on tcp) that got it before sending their own stayed stuck, writing nothing, on about a third
   * of connections. libzmq, JeroMQ and our clients send their signature on connect, so nobody waits.
   */
  void start() {
    interest(SelectionKey.OP_READ);
  }

  /** The identity the peer announced in its READY (empty when it set none). */
  byte[] identity() {
    return peerProperties.getOrDefault("identity", new byte[0]);
  }

  /** The id a ROUTER routes this peer by, once it accepted it. */
  RoutingId routingId() {
    return routingId;
  }

  void routingId(RoutingId id) {
    this.routingId = id;
  }

  /** True while messages queued for a ready peer are not all written. */
  boolean hasPendingOutput() {
    return state == State.READY && !output.isEmpty();
  }

  /** True while the handshake is unfinished past its deadline. */
  boolean handshakeOverdue(long now) {
    return (state == State.GREETING || state == State.HANDSHAKE) && now - handshakeDeadline > 0;
  }

  long handshakeDeadlineNanos() {
    return handshakeDeadline;
  }

  boolean handshakeDone() {
    return state == State.READY || state == State.CLOSED;
  }

  /**
   * Queues an encoded message for the peer, unless its queue is full.
   *
   * @return false when the message was dropped (queue full or connection closed)
   */
  boolean send(ByteBuffer message) {
    if (state != State.READY || output.size() >= MAX_QUEUED_MESSAGES || queuedBytes >= MAX_QUEUED_BYTES) {
      return false;
    }
    enqueue(message);
    flush();
    return true;
  }

  void onReadable() {
    int read;
    try {
      read = channel.read(input);
    } catch (IOException e) {
      close("read failed: " + e.getMessage());
      return;
    }
    if (read < 0) {
      close("the peer disconnected");
      return;
    }
    if (!greetingSent) {
      greetingSent = true;
      enqueue(ByteBuffer.wrap(Zmtp.greeting()));
      flush();
    }
    input.flip();
    try {
      while (state != State.CLOSED && (state == State.GREETING ? readGreeting() : readFrame())) {
        // each step consumed a greeting or a frame
      }
    } catch (Zmtp.ZmtpException e) {
      fail(e.getMessage());
      return;
    }
    input.compact();
    resizeInput();
  }

  void onWritable() {
    flush();
  }

  /** Closes a connection that broke the protocol or overstayed, with a warning. */
  void fail(String reason) {
    if (state != State.CLOSED) {
      log.warn("{}: closing the connection: {}", name, reason);
      close(reason);
    }
  }

  /** Closes the connection; the handler hears of it if the peer was ready. */
  void close(String reason) {
    if (state == State.CLOSED) {
      return;
    }
    boolean wasReady = state == State.READY;
    state = State.CLOSED;
    key.cancel();
    try {
      channel.close();
    } catch (IOException e) {
      log.debug("{}: close failed: {}", name, e.getMessage());
    }
    output.clear();
    log.debug("{}: closed: {}", name, reason);
    if (wasReady) {
      handler.peerClosed(this);
    }
  }

  private boolean readGreeting() throws Zmtp.ZmtpException {
    int start = input.position();
    if (!versionChecked && input.remaining() >= Zmtp.VERSION_PREFIX_SIZE) {
      // Checked early: an older peer would wait for the rest of our greeting instead of sending its own.
      Zmtp.checkVersion(input, start);
      versionChecked = true;
    }
    if (input.remaining() < Zmtp.GREETING_SIZE) {
      return false;
    }
    String mechanism = Zmtp.mechanism(input, start);
    if (!Zmtp.isNullMechanism(mechanism)) {
      throw new Zmtp.ZmtpException("security mechanism " + mechanism + " requested; ipc endpoints use NULL "
          + "(the socket file's permissions are the access control)");
    }
    input.position(start + Zmtp.GREETING_SIZE);
    enqueue(handler.socketType().ready());
    flush();
    state = State.HANDSHAKE;
    return true;
  }

  /** Consumes one complete frame if the input holds one. */
  private boolean readFrame() throws Zmtp.ZmtpException {
    Zmtp.FrameHeader header = Zmtp.FrameHeader.peek(input, MAX_FRAME_SIZE);
    if (header == null) {
      return false;
    }
    if (input.remaining() < header.length() + header.size()) {
      inputNeeded = header.length() + (int) header.size();
      return false;
    }
    input.position(input.position() + header.length());
    if (header.isCommand()) {
      onCommand(Zmtp.Command.parse(take((int) header.size())));
    } else {
      onMessageFrame((int) header.size(), header.hasMore());
    }
    return true;
  }

  private void onCommand(Zmtp.Command command) throws Zmtp.ZmtpException {
    switch (command.name()) {
      case "READY" -> onReady(command);
      case "ERROR" -> throw command.peerError();
      case "PING" -> {
        requireReady(command);
        enqueue(ByteBuffer.wrap(command.pong()));
        flush();
      }
      default -> {
        requireReady(command);
        handler.command(this, command);
      }
    }
  }

  private void onReady(Zmtp.Command ready) throws Zmtp.ZmtpException {
    if (state != State.HANDSHAKE) {
      throw new Zmtp.ZmtpException("READY received after the handshake");
    }
    peerProperties = ready.properties();
    String peerType = new String(peerProperties.getOrDefault("socket-type", new byte[0]), StandardCharsets.US_ASCII);
    if (!handler.socketType().talksTo(peerType)) {
      // Turned away as libzmq does, without a warning: Circus's circusctl listen, for one, opens a
      // DEALER on the events endpoint before its SUB.
      close("a " + (peerType.isEmpty() ? "peer without a socket type" : peerType + " socket") + " cannot talk to a "
          + handler.socketType());
      return;
    }
    state = State.READY;
    handler.peerReady(this);
  }

  private void requireReady(Zmtp.Command command) throws Zmtp.ZmtpException {
    if (state != State.READY) {
      throw new Zmtp.ZmtpException(command.name() + " received before the handshake ended");
    }
  }

  private void onMessageFrame(int size, boolean more) throws Zmtp.ZmtpException {
    if (state != State.READY) {
      throw new Zmtp.ZmtpException("message received before the handshake ended");
    }
    if (frames == 0) {
      firstFrame = take(size);
    } else {
      // Only the first frame matters to the handlers: skip the others without copying them.
      input.position(input.position() + size);
    }
    frames++;
    if (!more) {
      byte[] first = firstFrame;
      int count = frames;
      firstFrame = null;
      frames = 0;
      handler.message(this, first, count);
    }
  }

  private byte[] take(int size) {
    byte[] bytes = new byte[size];
    input.get(bytes);
    return bytes;
  }

  /** Grows the input buffer for a frame bigger than it, shrinks it back once empty. */
  private void resizeInput() {
    input = Zmtp.fitted(input, inputNeeded, READ_BUFFER_SIZE);
    inputNeeded = 0;
  }

  private void enqueue(ByteBuffer buffer) {
    output.add(buffer);
    queuedBytes += buffer.remaining();
  }

  /** Writes what the channel takes now; asks for OP_WRITE when it takes less than everything. */
  private void flush() {
    while (!output.isEmpty() && state != State.CLOSED) {
      int count = 0;
      for (ByteBuffer buffer : output) {
        gather[count++] = buffer;
        if (count == gather.length) {
          break;
        }
      }
      try {
        queuedBytes -= channel.write(gather, 0, count);
      } catch (IOException e) {
        close("write failed: " + e.getMessage());
        return;
      }
      boolean channelFull = gather[count - 1].hasRemaining();
      Arrays.fill(gather, 0, count, null);
      while (!output.isEmpty() && !output.peekFirst().hasRemaining()) {
        output.pollFirst();
      }
      if (channelFull) {
        interest(SelectionKey.OP_READ | SelectionKey.OP_WRITE);
        return;
      }
    }
    if (state != State.CLOSED) {
      interest(SelectionKey.OP_READ);
    }
  }

  private void interest(int ops) {
    if (key.interestOps() != ops) {
      key.interestOps(ops);
    }
  }

  @Override
  public String toString() {
    return name;
  }
}
