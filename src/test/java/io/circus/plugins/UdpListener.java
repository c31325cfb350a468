package io.circus.plugins;

import io.circus.arbiter.Await;
import io.vertx.core.Vertx;
import io.vertx.core.datagram.DatagramSocket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A UDP server on 127.0.0.1 that keeps every datagram it gets, as text: the statsd of the tests. */
final class UdpListener {

  final List<String> received = new CopyOnWriteArrayList<>();
  private final DatagramSocket socket;

  UdpListener(Vertx vertx) {
    socket = vertx.createDatagramSocket();
    socket.handler(packet -> received.add(packet.data().toString(StandardCharsets.UTF_8)));
    Await.result(socket.listen(0, "127.0.0.1"));
  }

  int port() {
    return socket.localAddress().port();
  }

  boolean has(String datagram) {
    return received.contains(datagram);
  }

  boolean hasPrefix(String prefix) {
    return received.stream().anyMatch(d -> d.startsWith(prefix));
  }

  /** A UDP port nothing listens on right now (bound, then released). */
  static int freePort() {
    try (java.net.DatagramSocket probe = new java.net.DatagramSocket(0, java.net.InetAddress.getLoopbackAddress())) {
      return probe.getLocalPort();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
