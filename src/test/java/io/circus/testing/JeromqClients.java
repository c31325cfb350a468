package io.circus.testing;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.zeromq.SocketType;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;

/**
 * JeroMQ client sockets for the tests, made as Circus's clients make theirs, and worked around two
 * JeroMQ 0.6.0 client bugs (libzmq clients have neither): on a few percent of new connections the
 * ZMTP handshake stalls until the handshake interval (30 s by default) ends it and the client
 * reconnects, and a message sent right after connect can be lost even against libzmq's ROUTER. So
 * the handshake interval is short and each socket is handed out only once its handshake is done.
 */
public final class JeromqClients implements AutoCloseable {

  private static final AtomicInteger MONITORS = new AtomicInteger();
  private static final int HANDSHAKE_MILLIS = 500;

  private final ZContext context = new ZContext();

  /** A DEALER as circusctl makes it: a random 32-hex identity, linger 0; connected. */
  public ZMQ.Socket dealer(String endpoint) {
    ZMQ.Socket dealer = context.createSocket(SocketType.DEALER);
    dealer.setIdentity(UUID.randomUUID().toString().replace("-", "").getBytes(StandardCharsets.US_ASCII));
    return connected(dealer, endpoint);
  }

  /** A REQ, as the 0.4-era documentation says to use (and Circus never answers); connected. */
  public ZMQ.Socket req(String endpoint) {
    return connected(context.createSocket(SocketType.REQ), endpoint);
  }

  /** A SUB with these prefix subscriptions; connected. */
  public ZMQ.Socket sub(String endpoint, String... prefixes) {
    ZMQ.Socket sub = connected(context.createSocket(SocketType.SUB), endpoint);
    for (String prefix : prefixes) {
      sub.subscribe(prefix.getBytes(StandardCharsets.UTF_8));
    }
    return sub;
  }

  private ZMQ.Socket connected(ZMQ.Socket socket, String endpoint) {
    socket.setLinger(0);
    socket.setIPv6(endpoint.startsWith("tcp://["));
    socket.setHandshakeIvl(HANDSHAKE_MILLIS);
    socket.setReceiveTimeOut(10_000);
    String monitorEndpoint = "inproc://handshake-" + MONITORS.incrementAndGet();
    socket.monitor(monitorEndpoint, ZMQ.EVENT_HANDSHAKE_PROTOCOL);
    ZMQ.Socket monitor = context.createSocket(SocketType.PAIR);
    try {
      monitor.setReceiveTimeOut(10_000);
      monitor.connect(monitorEndpoint);
      socket.connect(endpoint);
      assertThat(ZMQ.Event.recv(monitor)).as("the ZMTP handshake with " + endpoint).isNotNull();
    } finally {
      socket.monitor(null, 0);
      monitor.close();
    }
    return socket;
  }

  /** Receives a one-frame JSON reply. */
  public static JsonObject reply(ZMQ.Socket client) {
    byte[] reply = client.recv();
    assertThat(reply).as("a reply within the receive timeout").isNotNull();
    assertThat(client.hasReceiveMore()).as("a one-frame reply").isFalse();
    return new JsonObject(new String(reply, StandardCharsets.UTF_8));
  }

  /** Closes one socket before the others. */
  public void close(ZMQ.Socket socket) {
    context.destroySocket(socket);
  }

  @Override
  public void close() {
    context.close();
  }
}
