package io.circus.zmq;

import org.zeromq.SocketType;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;

/**
 * A pub/sub endpoint on TCP: a JeroMQ PUB on its own {@link JeromqSocketLoop}. JeroMQ drops what a
 * slow subscriber's queue (SNDHWM, 1000 messages) cannot take, without telling: only the messages
 * this side could not even queue for the socket's thread are counted here.
 */
final class JeromqPublisher implements PublisherSocket {

  private final JeromqSocketLoop loop;
  private final DropCounter dropped;

  JeromqPublisher(ZContext context, ZmqEndpoint.Tcp endpoint, String option) throws EndpointBindException {
    this.loop = JeromqSocketLoop.bind(context, SocketType.PUB, endpoint, option);
    this.dropped = new DropCounter(option + " " + loop.endpoint() + ": messages (queue full)");
    loop.start(null);
  }

  @Override
  public String endpoint() {
    return loop.endpoint();
  }

  @Override
  public void publish(byte[] topic, byte[] body) {
    boolean queued = loop.execute(pub -> {
      pub.send(topic, ZMQ.SNDMORE | ZMQ.DONTWAIT);
      pub.send(body, ZMQ.DONTWAIT);
    });
    if (!queued) {
      dropped.drop();
    }
  }

  @Override
  public void close() {
    loop.close();
  }
}
