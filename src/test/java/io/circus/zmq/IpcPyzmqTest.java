package io.circus.zmq;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Level;
import io.circus.arbiter.Await;
import io.circus.testing.PyZmq;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The ipc endpoints with a real libzmq client (pyzmq) doing what Circus's client and consumer do:
 * what the Python circusctl, circus-top and plugins will meet.
 */
class IpcPyzmqTest {

  private static final String LIST = "{\"command\": \"list\", \"properties\": {}}";

  @TempDir
  Path directory;

  private Bridge bridge;
  private final List<PyZmq> clients = new ArrayList<>();

  @BeforeEach
  void start() {
    PyZmq.assumeAvailable();
    bridge = Bridge.onIpc(directory, null);
  }

  @AfterEach
  void stop() {
    clients.forEach(PyZmq::close);
    if (bridge != null) {
      bridge.close();
    }
  }

  @Test
  void aCircusClientCallIsAnswered() {
    List<String> output = client("call", bridge.controllerEndpoint(), LIST).awaitExit(0);

    assertThat(output).hasSize(1);
    JsonObject reply = new JsonObject(output.get(0));
    assertThat(reply.getString("command")).isEqualTo("list");
    assertThat(reply.getString("payload")).contains(reply.getString("id"));
  }

  @Test
  void aCastGetsNoReplyAndTheNextCallOnTheConnectionIsAnswered() {
    String cast = "{\"command\": \"incr\", \"msg_type\": \"cast\", \"properties\": {\"name\": \"web\"}}";

    List<String> output = client("call", bridge.controllerEndpoint(), cast, LIST).awaitExit(0);

    assertThat(output).singleElement().satisfies(line -> assertThat(line).contains("\"command\": \"list\""));
    assertThat(bridge.controller.payloads()).hasSize(2);
  }

  @Test
  void manyClientsAtOnceAreAllAnswered() {
    String[] calls = new String[10];
    Arrays.fill(calls, LIST);
    for (int i = 0; i < 8; i++) {
      client("call", bridge.controllerEndpoint(), calls);
    }

    for (PyZmq client : clients) {
      assertThat(client.awaitExit(0)).hasSize(calls.length);
    }
  }

  @Test
  void aReqClientIsNeverAnsweredAndHoldsUpNobody() {
    try (LogCapture log = new LogCapture(CommandRelay.class)) {
      PyZmq req = client("hang-req", bridge.controllerEndpoint(), "{\"id\": \"req1\", \"command\": \"numwatchers\"}");

      log.awaitMessage("got unexpected message of 3 frames");
      assertThat(client("call", bridge.controllerEndpoint(), LIST).awaitExit(0)).hasSize(1);
      assertThat(req.lines()).containsExactly("sent");
      assertThat(bridge.controller.payloads()).noneMatch(p -> p.contains("req1"));
    }
  }

  @Test
  void aReplyStillDueWhenTheBridgeStopsReachesTheClientBeforeTheSocketCloses() {
    PyZmq client = client("call", bridge.controllerEndpoint(), TcpControllerTest.slow("due", 500));
    await("the request to reach the controller").atMost(Duration.ofSeconds(10))
        .until(() -> bridge.controller.payloads().size() == 1);

    var stopped = bridge.stopBridge();

    assertThat(client.awaitExit(0)).singleElement().satisfies(line -> assertThat(line).contains("\"command\": \"slow\""));
    Await.result(stopped);
    assertThat(directory.resolve("ctl.sock")).doesNotExist();
  }

  @Test
  void aKilledClientHoldsUpNobody() {
    PyZmq doomed = client("hang", bridge.controllerEndpoint(), TcpControllerTest.slow("doomed", 300));
    doomed.awaitLine("the request sent", "sent"::equals);
    await("the request to reach the controller").atMost(Duration.ofSeconds(10))
        .until(() -> bridge.controller.payloads().size() == 1);

    doomed.kill();

    assertThat(client("call", bridge.controllerEndpoint(), LIST).awaitExit(0)).hasSize(1);
    await("the reply to the killed client to be sent").atMost(Duration.ofSeconds(10))
        .until(() -> bridge.controller.repliesSent() == 2);
    assertThat(client("call", bridge.controllerEndpoint(), LIST).awaitExit(0)).hasSize(1);
  }

  @Test
  void aClientThatNeverReadsItsRepliesHoldsUpNobody() {
    int requests = 3000;
    String padded = new JsonObject().put("command", "list").put("padding", "x".repeat(4096)).encode();
    try (LogCapture log = new LogCapture(DropCounter.class)) {
      client("deaf", bridge.controllerEndpoint(), padded, Integer.toString(requests)).awaitLine("the requests sent", "sent"::equals);
      await("every request answered by the controller").atMost(Duration.ofSeconds(20))
          .until(() -> bridge.controller.repliesSent() == requests);

      log.awaitMessage("replies (queue full)");
      assertThat(client("call", bridge.controllerEndpoint(), LIST).awaitExit(0)).hasSize(1);
    }
  }

  @Test
  void aSubscriberThatDoesNotReadHoldsUpNobody() {
    PyZmq stuck = client("stall", bridge.pubsubEndpoint(), "");
    PyZmq reading = client("subscribe", bridge.pubsubEndpoint(), "watcher.");
    awaitSubscribed(List.of(stuck, reading));
    String padding = "x".repeat(4096);

    try (LogCapture log = new LogCapture(DropCounter.class)) {
      for (int i = 0; i < 5000; i++) {
        bridge.publishEvent("stat.web", new JsonObject().put("i", i).put("padding", padding));
      }
      bridge.publishEvent(TcpPublisherTest.END, new JsonObject());

      assertThat(topics(reading.awaitExit(0))).containsExactly(TcpPublisherTest.END);
      log.awaitMessage("messages to subscribers that do not keep up");
    }
  }

  @Test
  void eachSubscriberGetsWhatItsPrefixMatches() {
    PyZmq everything = client("subscribe", bridge.pubsubEndpoint(), "");
    PyZmq watchers = client("subscribe", bridge.pubsubEndpoint(), "watcher.");
    PyZmq web = client("subscribe", bridge.pubsubEndpoint(), "watcher.web.");
    awaitSubscribed(List.of(everything, watchers, web));

    publishSampleEvents();

    assertThat(topics(everything.awaitExit(0)))
        .containsExactly("watcher.web.spawn", "watcher.webapp.spawn", "watcher.db.reap", "stat.web", TcpPublisherTest.END);
    assertThat(topics(watchers.awaitExit(0)))
        .containsExactly("watcher.web.spawn", "watcher.webapp.spawn", "watcher.db.reap", TcpPublisherTest.END);
    assertThat(web.awaitExit(0)).filteredOn(line -> !line.startsWith(TcpPublisherTest.PROBE))
        .containsExactly("watcher.web.spawn\t{\"process_pid\": 41}", TcpPublisherTest.END + "\t{}");
  }

  @Test
  void aKilledSubscriberHoldsUpNobody() {
    PyZmq doomed = client("subscribe", bridge.pubsubEndpoint(), "");
    PyZmq survivor = client("subscribe", bridge.pubsubEndpoint(), "watcher.");
    awaitSubscribed(List.of(doomed, survivor));

    doomed.kill();
    publishSampleEvents();

    assertThat(topics(survivor.awaitExit(0)))
        .containsExactly("watcher.web.spawn", "watcher.webapp.spawn", "watcher.db.reap", TcpPublisherTest.END);
  }

  @Test
  void aDealerOnTheEventsEndpointIsTurnedAwayWithoutAWarningAndSubscribersGoOn() {
    try (LogCapture log = new LogCapture(ZmtpConnection.class, Level.DEBUG)) {
      PyZmq wrongSocket = client("hang", bridge.pubsubEndpoint(), LIST);
      PyZmq subscriber = client("subscribe", bridge.pubsubEndpoint(), "watcher.");
      awaitSubscribed(List.of(subscriber));

      log.awaitMessage("a DEALER socket cannot talk to a PUB");
      bridge.publishEvent(TcpPublisherTest.END, new JsonObject());
      assertThat(topics(subscriber.awaitExit(0))).containsExactly(TcpPublisherTest.END);
      assertThat(log.events()).noneMatch(event -> event.getLevel().isGreaterOrEqual(Level.WARN));
      assertThat(wrongSocket.lines()).containsExactly("sent");
    }
  }

  private void publishSampleEvents() {
    bridge.publishEvent("watcher.web.spawn", new JsonObject().put("process_pid", 41));
    bridge.publishEvent("watcher.webapp.spawn", new JsonObject().put("process_pid", 42));
    bridge.publishEvent("watcher.db.reap", new JsonObject().put("process_pid", 43));
    bridge.publishEvent("stat.web", new JsonObject().put("cpu", 0.5));
    bridge.publishEvent(TcpPublisherTest.END, new JsonObject());
  }

  /** Publishes probes until every subscriber has printed one (subscriptions travel asynchronously). */
  private void awaitSubscribed(List<PyZmq> subscribers) {
    await("every subscription to reach the publisher").atMost(Duration.ofSeconds(15))
        .pollInterval(Duration.ofMillis(50)).until(() -> {
          bridge.publishEvent(TcpPublisherTest.PROBE, new JsonObject());
          return subscribers.stream().allMatch(s -> s.lines().stream().anyMatch(l -> l.startsWith(TcpPublisherTest.PROBE)));
        });
  }

  private static List<String> topics(List<String> lines) {
    return lines.stream().map(line -> line.substring(0, line.indexOf('\t')))
        .filter(topic -> !topic.equals(TcpPublisherTest.PROBE)).toList();
  }

  private PyZmq client(String mode, String endpoint, String... args) {
    PyZmq client = PyZmq.run(mode, endpoint, args);
    clients.add(client);
    return client;
  }
}
