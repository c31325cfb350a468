package io.circus.client;

import io.circus.zmtp.Zmtp;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A DEALER or SUB on an {@code ipc://PATH} endpoint, as libzmq's: ZMTP 3 with the NULL mechanism
 * over a Unix domain socket (a relative PATH is relative to the current directory). Non-blocking,
 * on a selector of its own. The first connection is made at once, so that a missing socket file
 * or a refused connection is reported; when the peer goes away later it reconnects every
 * {@value #RECONNECT_MILLIS} ms, as ZeroMQ sockets do, keeping the messages not yet handed over.
 */
final class UnixZmtpSocket implements ClientSocket {

  private enum State { GREETING, HANDSHAKE, READY }

  private static final String SCHEME = "ipc://";
  private static final long RECONNECT_MILLIS = 100;
  private static final int READ_BUFFER_SIZE = 16 * 1024;
  /** Largest frame accepted; a bigger one drops the connection (replies and events are a few KiB). */
  private static final long MAX_FRAME_SIZE = 64L << 20;
  /** Messages queued for the peer, at most (libzmq's default SNDHWM). */
  private static final int MAX_QUEUED_MESSAGES = 1000;

  private final String endpoint;
  private final UnixDomainSocketAddress address;
  private final Zmtp.SocketType type;
  private final byte[] identity;
  private final List<byte[]> topicPrefixes;
  private final Selector selector;
  /** Messages sent before the handshake ended: handed to the connection once it is ready. */
  private final ArrayDeque<ByteBuffer> held = new ArrayDeque<>();
  private final ArrayDeque<ByteBuffer> output = new ArrayDeque<>();
  private final ArrayDeque<byte[][]> inbox = new ArrayDeque<>();
  private final List<byte[]> frames = new ArrayList<>(2);
  private SocketChannel channel;
  private SelectionKey key;
  private ByteBuffer input;
  /** Bytes the frame being read needs in the input buffer, when more than it holds. */
  private int inputNeeded;
  private State state;
  private long reconnectAtNanos;

  private UnixZmtpSocket(String endpoint, UnixDomainSocketAddress address, Zmtp.SocketType type, byte[] identity,
      List<String> topicPrefixes) throws IOException {
    this.endpoint = endpoint;
    this.address = address;
    this.type = type;
    this.identity = identity;
    this.topicPrefixes = topicPrefixes.stream().map(prefix -> prefix.getBytes(StandardCharsets.UTF_8)).toList();
    this.selector = Selector.open();
  }

  static boolean handles(String endpoint) {
    return endpoint.startsWith(SCHEME);
  }

  /** @throws CircusClientException naming the endpoint and the OS's reason when it cannot connect */
  static UnixZmtpSocket connect(String endpoint, Zmtp.SocketType type, byte[] identity, List<String> topicPrefixes) {
    UnixDomainSocketAddress address;
    try {
      String path = endpoint.substring(SCHEME.length());
      if (path.isEmpty()) {
        throw new CircusClientException("cannot connect to " + endpoint + ": no socket path");
      }
      address = UnixDomainSocketAddress.of(Path.of(path).toAbsolutePath());
    } catch (InvalidPathException e) {
      throw new CircusClientException("cannot connect to " + endpoint + ": " + e.getMessage(), e);
    }
    UnixZmtpSocket socket;
    try {
      socket = new UnixZmtpSocket(endpoint, address, type, identity, topicPrefixes);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    try {
      socket.open();
    } catch (IOException e) {
      socket.close();
      throw new CircusClientException("cannot connect to " + endpoint + ": " + e.getMessage(), e);
    }
    return socket;
  }

  @Override
  public void poll(long timeoutMillis) {
    long wait = timeoutMillis;
    if (!inbox.isEmpty()) {
      wait = 0;
    } else if (channel == null) {
      long untilReconnect = Math.max(0, TimeUnit.NANOSECONDS.toMillis(reconnectAtNanos - System.nanoTime()));
      wait = wait < 0 ? untilReconnect : Math.min(wait, untilReconnect);
    }
    try {
      if (wait == 0) {
        selector.selectNow(this::onSelected);
      } else {
        selector.select(this::onSelected, Math.max(0, wait));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    if (channel == null && System.nanoTime() - reconnectAtNanos >= 0) {
      reconnect();
    }
  }

  @Override
  public byte[][] receive() {
    return inbox.poll();
  }

  @Override
  public boolean send(byte[] frame) {
    if (held.size() + output.size() >= MAX_QUEUED_MESSAGES) {
      return false;
    }
    ByteBuffer message = ByteBuffer.wrap(Zmtp.message(frame));
    if (state == State.READY) {
      output.add(message);
      flush();
    } else {
      held.add(message);
    }
    return true;
  }

  @Override
  public void wake() {
    selector.wakeup();
  }

  @Override
  public void close() {
    disconnect();
    try {
      selector.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void open() throws IOException {
    channel = SocketChannel.open(StandardProtocolFamily.UNIX);
    try {
      channel.connect(address);
      channel.configureBlocking(false);
      key = channel.register(selector, SelectionKey.OP_READ);
    } catch (IOException e) {
      disconnect();
      throw e;
    }
    input = ByteBuffer.allocate(READ_BUFFER_SIZE);
    state = State.GREETING;
    output.add(ByteBuffer.wrap(Zmtp.greeting()));
    flush();
  }

  private void reconnect() {
    try {
      open();
    } catch (IOException stillDown) {
      reconnectAtNanos = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(RECONNECT_MILLIS);
    }
  }

  /** Drops the connection (what was partly written is lost, as with libzmq) and plans the next one. */
  private void disconnect() {
    if (channel != null) {
      try {
        channel.close();
      } catch (IOException ignored) {
        // closing: nothing left to do with it
      }
    }
    channel = null;
    key = null;
    output.clear();
    frames.clear();
    state = null;
    reconnectAtNanos = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(RECONNECT_MILLIS);
  }

  private void onSelected(SelectionKey selected) {
    if (selected != key || !selected.isValid()) {
      return;
    }
    if (selected.isWritable()) {
      flush();
    }
    if (channel != null && selected.isReadable()) {
      onReadable();
    }
  }

  private void onReadable() {
    try {
      if (channel.read(input) < 0) {
        disconnect();
        return;
      }
      input.flip();
      while (channel != null && (state == State.GREETING ? readGreeting() : readFrame())) {
        // each step consumed the greeting or a frame
      }
      if (channel != null) {
        input = Zmtp.fitted(input.compact(), inputNeeded, READ_BUFFER_SIZE);
        inputNeeded = 0;
      }
    } catch (IOException | Zmtp.ZmtpException e) {
      // A broken connection or a peer that is not circusd's ZMTP: try again later, as libzmq does.
      disconnect();
    }
  }

  private boolean readGreeting() throws Zmtp.ZmtpException {
    int start = input.position();
    if (input.remaining() >= Zmtp.VERSION_PREFIX_SIZE) {
      Zmtp.checkVersion(input, start);
    }
    if (input.remaining() < Zmtp.GREETING_SIZE) {
      return false;
    }
    String mechanism = Zmtp.mechanism(input, start);
    if (!Zmtp.isNullMechanism(mechanism)) {
      throw new Zmtp.ZmtpException(endpoint + " asks for the " + mechanism + " mechanism, not NULL");
    }
    boolean subscribeCommands = Zmtp.minorVersion(input, start) >= 1;
    input.position(start + Zmtp.GREETING_SIZE);
    state = State.HANDSHAKE;
    output.add(ByteBuffer.wrap(type.readyCommand(identity)));
    for (byte[] prefix : topicPrefixes) {
      output.add(ByteBuffer.wrap(subscription(prefix, subscribeCommands)));
    }
    flush();
    return true;
  }

  /** ZMTP 3.1 subscribes with a command; a 3.0 peer takes a message, 0x01 then the prefix. */
  private static byte[] subscription(byte[] prefix, boolean asCommand) {
    if (asCommand) {
      return Zmtp.command("SUBSCRIBE", prefix);
    }
    byte[] body = new byte[prefix.length + 1];
    body[0] = 1;
    System.arraycopy(prefix, 0, body, 1, prefix.length);
    return Zmtp.message(body);
  }

  /** Consumes one complete frame if the input holds one. */
  private boolean readFrame() throws Zmtp.ZmtpException {
    Zmtp.FrameHeader header = Zmtp.FrameHeader.peek(input, MAX_FRAME_SIZE);
    if (header == null) {
      return false;
    }
    int frameSize = header.length() + (int) header.size();
    if (input.remaining() < frameSize) {
      inputNeeded = frameSize;
      return false;
    }
    input.position(input.position() + header.length());
    byte[] body = new byte[(int) header.size()];
    input.get(body);
    if (header.isCommand()) {
      onCommand(Zmtp.Command.parse(body));
    } else {
      onMessageFrame(body, header.hasMore());
    }
    return true;
  }

  private void onCommand(Zmtp.Command command) throws Zmtp.ZmtpException {
    switch (command.name()) {
      case "READY" -> onReady(command);
      case "ERROR" -> throw command.peerError();
      case "PING" -> {
        output.add(ByteBuffer.wrap(command.pong()));
        flush();
      }
      default -> {
        // PONG and the like: nothing to do
      }
    }
  }

  private void onReady(Zmtp.Command ready) throws Zmtp.ZmtpException {
    if (state != State.HANDSHAKE) {
      throw new Zmtp.ZmtpException("READY received after the handshake");
    }
    byte[] peerType = ready.properties().getOrDefault("socket-type", new byte[0]);
    if (!type.talksTo(new String(peerType, StandardCharsets.US_ASCII))) {
      throw new Zmtp.ZmtpException("a " + type + " cannot talk to that peer");
    }
    state = State.READY;
    output.addAll(held);
    held.clear();
    flush();
  }

  private void onMessageFrame(byte[] body, boolean more) throws Zmtp.ZmtpException {
    if (state != State.READY) {
      throw new Zmtp.ZmtpException("message received before the handshake ended");
    }
    frames.add(body);
    if (!more) {
      inbox.add(frames.toArray(new byte[0][]));
      frames.clear();
    }
  }

  /** Writes what the channel takes now; asks for OP_WRITE when it takes less than everything. */
  private void flush() {
    try {
      while (!output.isEmpty()) {
        ByteBuffer next = output.peek();
        channel.write(next);
        if (next.hasRemaining()) {
          key.interestOps(SelectionKey.OP_READ | SelectionKey.OP_WRITE);
          return;
        }
        output.poll();
      }
      key.interestOps(SelectionKey.OP_READ);
    } catch (IOException e) {
      disconnect();
    }
  }
}
