package io.circus.zmq;

import io.circus.zmtp.Zmtp;
import java.nio.ByteBuffer;
import java.util.HashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A controller endpoint (tcp or ipc): ROUTER semantics over {@link ZmtpServer}. Peers are routed by
 * the identity they announce, or by a generated 5-byte id (a zero byte and a counter, as libzmq)
 * when they announce none; a second peer with an identity already connected is refused, as libzmq
 * does without ROUTER_HANDOVER. A reply to a gone peer, or to one whose queue is full, is dropped.
 */
final class ZmtpRouter implements ControllerSocket, ZmtpPeerHandler {

  private static final Logger log = LoggerFactory.getLogger(ZmtpRouter.class);

  private final MessageListener listener;
  private final ZmtpServer server;
  private final Map<RoutingId, ZmtpConnection> peers = new HashMap<>();
  private final DropCounter repliesDropped;
  private int generatedIds;

  ZmtpRouter(ZmqEndpoint endpoint, String owner, String option, MessageListener listener)
      throws EndpointBindException {
    this.listener = listener;
    this.server = ZmtpServer.bind(endpoint, owner, option);
    this.repliesDropped = new DropCounter(option + " " + server.endpoint() + ": replies (queue full)");
    server.start(this);
  }

  @Override
  public String endpoint() {
    return server.endpoint();
  }

  @Override
  public void reply(byte[] routingId, byte[] reply) {
    if (!server.execute(() -> deliver(routingId, reply))) {
      repliesDropped.drop();
    }
  }

  private void deliver(byte[] routingId, byte[] reply) {
    ZmtpConnection peer = peers.get(new RoutingId(routingId));
    if (peer == null) {
      log.debug("{}: reply to {} dropped: that client has disconnected", server.endpoint(), new RoutingId(routingId));
    } else if (!peer.send(ByteBuffer.wrap(Zmtp.message(reply)))) {
      repliesDropped.drop();
    }
  }

  @Override
  public Zmtp.SocketType socketType() {
    return Zmtp.SocketType.ROUTER;
  }

  @Override
  public void peerReady(ZmtpConnection peer) {
    byte[] identity = peer.identity();
    RoutingId id = new RoutingId(identity.length > 0 ? identity : generatedId());
    if (peers.containsKey(id)) {
      peer.fail("a client with routing id " + id + " is already connected");
      return;
    }
    peer.routingId(id);
    peers.put(id, peer);
  }

  private byte[] generatedId() {
    int n = ++generatedIds;
    return new byte[] {0, (byte) (n >>> 24), (byte) (n >>> 16), (byte) (n >>> 8), (byte) n};
  }

  @Override
  public void message(ZmtpConnection peer, byte[] firstFrame, int frames) {
    // The ROUTER's view has the routing id in front: one frame from a DEALER is [routingId, request].
    listener.onMessage(this, peer.routingId().bytes(), firstFrame, frames + 1);
  }

  @Override
  public void command(ZmtpConnection peer, Zmtp.Command command) {
    log.debug("{}: ignoring command {}", peer, command.name());
  }

  @Override
  public void peerClosed(ZmtpConnection peer) {
    if (peer.routingId() != null) {
      peers.remove(peer.routingId(), peer);
    }
  }

  @Override
  public void close() {
    server.close();
  }
}
