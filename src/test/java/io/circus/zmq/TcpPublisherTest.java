package io.circus.zmq;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.circus.testing.JeromqClients;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.zeromq.ZMQ;

/** The pubsub endpoint over tcp, read by JeroMQ SUB clients as circusctl listen and the plugins read it. */
class TcpPublisherTest {

  /** Matches every subscription of these tests: published until each subscriber has seen one. */
  static final String PROBE = "watcher.web.probe";
  /** Matches every subscription too: the last message of a test. */
  static final String END = "watcher.web.end";

  private Bridge bridge;
  private JeromqClients clients;

  @BeforeEach
  void start() {
    bridge = Bridge.onTcp();
    clients = new JeromqClients();
  }

  @AfterEach
  void stop() {
    clients.close();
    bridge.close();
  }

  @Test
  void eachSubscriberGetsWhatItsPrefixMatchesAsTwoFrames() {
    ZMQ.Socket everything = clients.sub(bridge.pubsubEndpoint(), "");
    ZMQ.Socket watchers = clients.sub(bridge.pubsubEndpoint(), "watcher.");
    ZMQ.Socket web = clients.sub(bridge.pubsubEndpoint(), "watcher.web.");
    awaitSubscribed(List.of(everything, watchers, web));

    bridge.publishEvent("watcher.web.spawn", new JsonObject().put("process_pid", 41).put("time", 1.5));
    bridge.publishEvent("watcher.webapp.spawn", new JsonObject().put("process_pid", 42));
    bridge.publishEvent("watcher.db.reap", new JsonObject().put("process_pid", 43).put("exit_code", -15));
    bridge.publishEvent("stat.web", new JsonObject().put("cpu", 0.5));
    bridge.publishEvent(END, new JsonObject());

    assertThat(topicsUntilEnd(everything))
        .containsExactly("watcher.web.spawn", "watcher.webapp.spawn", "watcher.db.reap", "stat.web", END);
    assertThat(topicsUntilEnd(watchers))
        .containsExactly("watcher.web.spawn", "watcher.webapp.spawn", "watcher.db.reap", END);
    assertThat(topicsUntilEnd(web)).containsExactly("watcher.web.spawn", END);
  }

  @Test
  void theSecondFrameIsTheDataAsPythonWritesJson() {
    ZMQ.Socket sub = clients.sub(bridge.pubsubEndpoint(), "watcher.");
    awaitSubscribed(List.of(sub));
    JsonObject data = new JsonObject().put("process_pid", 41).put("time", 1795420391.5315154).put("exit_code", -9)
        .put("note", "d\u00e9j\u00e0");

    bridge.publishEvent("watcher.web.reap", data);

    List<byte[]> frames = nextMessage(sub, "watcher.web.reap");
    assertThat(frames).hasSize(2);
    // Byte for byte what circusd 0.19 sends: circusctl listen prints these bytes as they come.
    assertThat(new String(frames.get(1), StandardCharsets.US_ASCII))
        .isEqualTo("{\"process_pid\": 41, \"time\": 1795420391.5315154, \"exit_code\": -9, \"note\": \"d\\u00e9j\\u00e0\"}");
  }

  @Test
  void outputLinesArePublishedBesideTheEvents() {
    ZMQ.Socket sub = clients.sub(bridge.pubsubEndpoint(), "stream.web.", "watcher.web.");
    awaitSubscribed(List.of(sub));
    JsonObject line = new JsonObject().put("data", "hello\n").put("pid", 41).put("name", "stdout");

    bridge.vertx.eventBus().publish(ZmqBridgeSpec.OUTPUT_ADDRESS,
        new JsonObject().put("topic", "stream.web.41.stdout").put("data", line));
    bridge.publishEvent(END, new JsonObject());

    List<byte[]> frames = nextMessage(sub, "stream.web.41.stdout");
    assertThat(new JsonObject(new String(frames.get(1), StandardCharsets.UTF_8))).isEqualTo(line);
    assertThat(topicsUntilEnd(sub)).containsExactly(END);
  }

  @Test
  void aMessageWithoutATopicIsDroppedAndPublishingGoesOn() {
    ZMQ.Socket sub = clients.sub(bridge.pubsubEndpoint(), "");
    awaitSubscribed(List.of(sub));
    try (LogCapture log = new LogCapture(PublicationRelay.class)) {
      bridge.vertx.eventBus().publish(Bridge.EVENTS, new JsonObject().put("data", new JsonObject()));
      bridge.vertx.eventBus().publish(Bridge.EVENTS, "not an object");
      bridge.publishEvent(END, new JsonObject());

      assertThat(topicsUntilEnd(sub)).containsExactly(END);
      assertThat(log.messages()).filteredOn(m -> m.contains("dropped a message without a text topic")).hasSize(2);
    }
  }

  @Test
  void aSubscriberThatDoesNotReadHoldsUpNobody() {
    ZMQ.Socket stuck = clients.sub(bridge.pubsubEndpoint(), "");
    ZMQ.Socket reading = clients.sub(bridge.pubsubEndpoint(), "watcher.");
    awaitSubscribed(List.of(stuck, reading));
    String padding = "x".repeat(4096);

    for (int i = 0; i < 5000; i++) {
      bridge.publishEvent("stat.web", new JsonObject().put("i", i).put("padding", padding));
    }
    bridge.publishEvent(END, new JsonObject());

    assertThat(topicsUntilEnd(reading)).containsExactly(END);
  }

  /** Publishes probes until every subscriber has received one (subscriptions travel asynchronously). */
  private void awaitSubscribed(List<ZMQ.Socket> subscribers) {
    Set<ZMQ.Socket> subscribed = new HashSet<>();
    await("every subscription to reach the publisher").atMost(Duration.ofSeconds(10)).pollInSameThread()
        .pollInterval(Duration.ofMillis(20)).until(() -> {
          bridge.publishEvent(PROBE, new JsonObject());
          for (ZMQ.Socket subscriber : subscribers) {
            byte[] topic;
            while ((topic = subscriber.recv(ZMQ.DONTWAIT)) != null) {
              subscriber.recv();
              subscribed.add(subscriber);
            }
          }
          return subscribed.size() == subscribers.size();
        });
  }

  /** The topics received, probes left out, up to and including {@link #END}. */
  private static List<String> topicsUntilEnd(ZMQ.Socket subscriber) {
    List<String> topics = new ArrayList<>();
    while (topics.isEmpty() || !topics.get(topics.size() - 1).equals(END)) {
      List<byte[]> frames = nextMessage(subscriber, null);
      assertThat(frames).as("a [topic, data] message").hasSize(2);
      String topic = new String(frames.get(0), StandardCharsets.UTF_8);
      if (!topic.equals(PROBE)) {
        topics.add(topic);
      }
    }
    return topics;
  }

  /** The next message (with this topic, when given), as its frames. */
  private static List<byte[]> nextMessage(ZMQ.Socket subscriber, String topic) {
    while (true) {
      List<byte[]> frames = new ArrayList<>();
      do {
        byte[] frame = subscriber.recv();
        assertThat(frame).as("a message within the receive timeout").isNotNull();
        frames.add(frame);
      } while (subscriber.hasReceiveMore());
      if (topic == null || topic.equals(new String(frames.get(0), StandardCharsets.UTF_8))) {
        return frames;
      }
    }
  }
}
