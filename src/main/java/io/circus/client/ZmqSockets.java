package io.circus.client;

import java.util.regex.Pattern;
import org.zeromq.ZMQ;

/** Settings every JeroMQ client socket (tcp endpoints; ipc ones are {@link UnixZmtpSocket}s) gets. */
final class ZmqSockets {

  private static final Pattern LOCAL = Pattern.compile("inproc://.*|tcp://(127\\.[0-9.]+|localhost|\\[::1])(:.*)?");

  private ZmqSockets() {
  }

  static void configure(ZMQ.Socket socket, String endpoint) {
    socket.setLinger(0);
    socket.setHandshakeIvl(handshakeMillis(endpoint));
  }

  /**
   * JeroMQ 0.6.0 leaves 1-6 % of fresh TCP connections stuck after connect, before the ZMTP
   * handshake (a race in its poller's hand-off of the channel; zeromq/jeromq PR #1022). Only the
   * handshake timer gets them out, 30 s by default. A local handshake takes a few milliseconds,
   * but a daemon on a saturated machine (or in a GC pause) can take a few hundred: 500 ms for a
   * local endpoint, one second for a remote one, then JeroMQ reconnects.
   */
  static int handshakeMillis(String endpoint) {
    return LOCAL.matcher(endpoint).matches() ? 500 : 1000;
  }
}
