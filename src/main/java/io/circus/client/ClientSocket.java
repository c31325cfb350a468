package io.circus.client;

import io.circus.zmtp.Zmtp;
import java.util.List;

/**
 * A ZeroMQ client socket, DEALER or SUB, owned by one thread: JeroMQ's for {@code tcp://}, our own
 * ZMTP over a Unix socket for {@code ipc://} (JeroMQ's ipc is a TCP port in disguise, which neither
 * circusd nor Python's circusd serve).
 */
interface ClientSocket {

  /** A DEALER announcing {@code identity}. @throws CircusClientException when it cannot connect */
  static ClientSocket dealer(String endpoint, byte[] identity) {
    return open(endpoint, Zmtp.SocketType.DEALER, identity, List.of());
  }

  /** A SUB subscribed to {@code topicPrefixes}. @throws CircusClientException when it cannot connect */
  static ClientSocket subscriber(String endpoint, List<String> topicPrefixes) {
    return open(endpoint, Zmtp.SocketType.SUB, new byte[0], topicPrefixes);
  }

  private static ClientSocket open(String endpoint, Zmtp.SocketType type, byte[] identity, List<String> topicPrefixes) {
    return UnixZmtpSocket.handles(endpoint) ? UnixZmtpSocket.connect(endpoint, type, identity, topicPrefixes)
        : JeromqClientSocket.connect(endpoint, type, identity, topicPrefixes);
  }

  /** Waits until a message may have come, {@link #wake} is called, or {@code timeoutMillis} (-1: no limit) passed. */
  void poll(long timeoutMillis);

  /** The frames of the next message received, or null when none is there now. */
  byte[][] receive();

  /** Queues a one-frame message. @return false when too many messages are already queued */
  boolean send(byte[] frame);

  /** Ends a {@link #poll} now or the next one at once; any thread may call it. */
  void wake();

  void close();
}
