package io.circus.zmq;

import org.zeromq.SocketType;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;

/**
 * A controller endpoint on TCP: a JeroMQ ROUTER on its own {@link JeromqSocketLoop}. ROUTER_MANDATORY
 * stays off, so a reply to a peer that has gone, or whose queue is full, is dropped by JeroMQ.
 */
final class JeromqRouter implements ControllerSocket {

  /** Messages read per wake-up before queued replies get their turn. */
  private static final int READS_PER_WAKE = 256;

  private final MessageListener listener;
  private final JeromqSocketLoop loop;
  private final DropCounter repliesDropped;

  JeromqRouter(ZContext context, ZmqEndpoint.Tcp endpoint, String option, MessageListener listener)
      throws EndpointBindException {
    this.listener = listener;
    this.loop = JeromqSocketLoop.bind(context, SocketType.ROUTER, endpoint, option);
    this.repliesDropped = new DropCounter(option + " " + loop.endpoint() + ": replies (queue full)");
    loop.start(this::receive);
  }

  @Override
  public String endpoint() {
    return loop.endpoint();
  }

  @Override
  public void reply(byte[] routingId, byte[] reply) {
    boolean queued = loop.execute(router -> {
      router.send(routingId, ZMQ.SNDMORE | ZMQ.DONTWAIT);
      router.send(reply, ZMQ.DONTWAIT);
    });
    if (!queued) {
      repliesDropped.drop();
    }
  }

  private void receive(ZMQ.Socket router) {
    for (int i = 0; i < READS_PER_WAKE; i++) {
      byte[] routingId = router.recv(ZMQ.DONTWAIT);
      if (routingId == null) {
        return;
      }
      byte[] firstFrame = router.hasReceiveMore() ? router.recv() : null;
      int frames = firstFrame == null ? 1 : 2;
      while (router.hasReceiveMore()) {
        router.recv();
        frames++;
      }
      listener.onMessage(this, routingId, firstFrame, frames);
    }
  }

  @Override
  public void close() {
    loop.close();
  }
}
