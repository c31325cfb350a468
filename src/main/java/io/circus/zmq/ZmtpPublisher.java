package io.circus.zmq;

import io.circus.zmtp.Zmtp;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A pub/sub endpoint (tcp or ipc): PUB semantics over {@link ZmtpServer}. Subscriptions arrive as
 * SUBSCRIBE/CANCEL commands (ZMTP 3.1) or as messages starting with 1/0 (ZMTP 3.0); each message
 * is encoded once and queued for every subscriber with a matching prefix, and dropped (and
 * counted) for a subscriber whose queue is full.
 */
final class ZmtpPublisher implements PublisherSocket, ZmtpPeerHandler {

  private static final Logger log = LoggerFactory.getLogger(ZmtpPublisher.class);
  private static final byte SUBSCRIBE = 1;
  private static final byte CANCEL = 0;

  private final ZmtpServer server;
  private final Map<ZmtpConnection, Subscriptions> subscribers = new LinkedHashMap<>();
  private final DropCounter notQueued;
  private final DropCounter slowSubscribers;

  ZmtpPublisher(ZmqEndpoint endpoint, String owner, String option) throws EndpointBindException {
    this.server = ZmtpServer.bind(endpoint, owner, option);
    this.notQueued = new DropCounter(option + " " + server.endpoint() + ": messages (queue full)");
    this.slowSubscribers = new DropCounter(option + " " + server.endpoint() + ": messages to subscribers that do not keep up");
    server.start(this);
  }

  @Override
  public String endpoint() {
    return server.endpoint();
  }

  @Override
  public void publish(byte[] topic, byte[] body) {
    if (!server.execute(() -> fanOut(topic, body))) {
      notQueued.drop();
    }
  }

  private void fanOut(byte[] topic, byte[] body) {
    byte[] message = null;
    for (Map.Entry<ZmtpConnection, Subscriptions> subscriber : subscribers.entrySet()) {
      if (subscriber.getValue().matches(topic)) {
        if (message == null) {
          message = Zmtp.message(topic, body);
        }
        if (!subscriber.getKey().send(ByteBuffer.wrap(message))) {
          slowSubscribers.drop();
        }
      }
    }
  }

  @Override
  public Zmtp.SocketType socketType() {
    return Zmtp.SocketType.PUB;
  }

  @Override
  public void peerReady(ZmtpConnection peer) {
    subscribers.put(peer, new Subscriptions());
  }

  @Override
  public void message(ZmtpConnection peer, byte[] firstFrame, int frames) {
    if (frames == 1 && firstFrame.length > 0 && (firstFrame[0] == SUBSCRIBE || firstFrame[0] == CANCEL)) {
      update(peer, firstFrame[0] == SUBSCRIBE, Arrays.copyOfRange(firstFrame, 1, firstFrame.length));
    }
  }

  @Override
  public void command(ZmtpConnection peer, Zmtp.Command command) {
    switch (command.name()) {
      case "SUBSCRIBE" -> update(peer, true, command.data());
      case "CANCEL" -> update(peer, false, command.data());
      default -> log.debug("{}: ignoring command {}", peer, command.name());
    }
  }

  private void update(ZmtpConnection peer, boolean subscribe, byte[] prefix) {
    Subscriptions subscriptions = subscribers.get(peer);
    if (subscribe) {
      subscriptions.subscribe(prefix);
    } else {
      subscriptions.cancel(prefix);
    }
  }

  @Override
  public void peerClosed(ZmtpConnection peer) {
    subscribers.remove(peer);
  }

  @Override
  public void close() {
    server.close();
  }
}
