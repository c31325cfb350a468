package io.circus.client;

import io.circus.zmtp.Zmtp;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.Pipe;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.zeromq.SocketType;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;
import org.zeromq.ZMQException;

/** A JeroMQ DEALER or SUB (tcp endpoints), woken through a pipe polled beside it. */
final class JeromqClientSocket implements ClientSocket {

  private final ZContext context;
  private final ZMQ.Socket socket;
  private final Pipe wakeup;
  private final ZMQ.Poller poller;

  private JeromqClientSocket(ZContext context, ZMQ.Socket socket, Pipe wakeup) {
    this.context = context;
    this.socket = socket;
    this.wakeup = wakeup;
    this.poller = context.createPoller(2);
    poller.register(socket, ZMQ.Poller.POLLIN);
    poller.register(wakeup.source(), ZMQ.Poller.POLLIN);
  }

  static JeromqClientSocket connect(String endpoint, Zmtp.SocketType type, byte[] identity, List<String> topicPrefixes) {
    ZContext context = new ZContext(1);
    try {
      ZMQ.Socket socket = context.createSocket(type == Zmtp.SocketType.SUB ? SocketType.SUB : SocketType.DEALER);
      ZmqSockets.configure(socket, endpoint);
      if (identity.length > 0) {
        socket.setIdentity(identity);
      }
      socket.connect(endpoint);
      for (String prefix : topicPrefixes) {
        socket.subscribe(prefix.getBytes(StandardCharsets.UTF_8));
      }
      Pipe wakeup = Pipe.open();
      wakeup.source().configureBlocking(false);
      wakeup.sink().configureBlocking(false);
      return new JeromqClientSocket(context, socket, wakeup);
    } catch (ZMQException | IllegalArgumentException e) {
      context.close();
      throw new CircusClientException("cannot connect to " + endpoint + ": " + e.getMessage(), e);
    } catch (IOException e) {
      context.close();
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void poll(long timeoutMillis) {
    poller.poll(timeoutMillis);
    ByteBuffer buffer = ByteBuffer.allocate(64);
    try {
      while (wakeup.source().read(buffer) > 0) {
        buffer.clear();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public byte[][] receive() {
    byte[] first = socket.recv(ZMQ.DONTWAIT);
    if (first == null) {
      return null;
    }
    List<byte[]> frames = new ArrayList<>(2);
    frames.add(first);
    while (socket.hasReceiveMore()) {
      frames.add(socket.recv());
    }
    return frames.toArray(new byte[0][]);
  }

  @Override
  public boolean send(byte[] frame) {
    return socket.send(frame, ZMQ.DONTWAIT);
  }

  @Override
  public void wake() {
    try {
      wakeup.sink().write(ByteBuffer.wrap(new byte[] {1}));
    } catch (IOException closedOrFull) {
      // full: a wake-up is already pending; closed: the socket's owner has closed it
    }
  }

  @Override
  public void close() {
    poller.close();
    context.close();
    try {
      wakeup.sink().close();
      wakeup.source().close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
