package io.circus.zmq;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.circus.arbiter.Await;
import io.circus.client.CircusClientException;
import io.circus.client.CircusEvent;
import io.circus.client.CircusTimeoutException;
import io.circus.client.EventSubscriber;
import io.circus.client.ZmqCircusClient;
import io.vertx.core.json.JsonObject;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Java clients (ZmqCircusClient, EventSubscriber) on circusd's ipc endpoints, over real Unix sockets. */
class IpcClientTest {

  private static final Duration PATIENCE = Duration.ofSeconds(30);

  @TempDir
  Path dir;

  private Bridge bridge;

  @BeforeEach
  void start() {
    bridge = Bridge.onIpc(dir, null);
  }

  @AfterEach
  void stop() {
    bridge.close();
  }

  @Test
  void callsAreAnsweredWithTheirReplies() {
    try (ZmqCircusClient client = ZmqCircusClient.connect(bridge.controllerEndpoint(), PATIENCE)) {
      JsonObject list = client.call("list", new JsonObject()).join();
      JsonObject status = client.call("status", new JsonObject().put("name", "web")).join();

      assertThat(list.getString("command")).isEqualTo("list");
      assertThat(status.getString("command")).isEqualTo("status");
      assertThat(new JsonObject(status.getString("payload")).getJsonObject("properties").getString("name"))
          .isEqualTo("web");
    }
  }

  @Test
  void aRelativeSocketPathIsRelativeToTheCurrentDirectory() {
    Path relative = Path.of("").toAbsolutePath().relativize(dir.resolve("ctl.sock"));
    try (ZmqCircusClient client = ZmqCircusClient.connect("ipc://" + relative, PATIENCE)) {
      assertThat(client.call("list", new JsonObject()).join().getString("command")).isEqualTo("list");
    }
  }

  @Test
  void concurrentCallsFromManyThreadsAreMatchedToTheirReplies() throws Exception {
    ExecutorService callers = Executors.newFixedThreadPool(4);
    try (ZmqCircusClient client = ZmqCircusClient.connect(bridge.controllerEndpoint(), PATIENCE)) {
      List<CompletableFuture<JsonObject>> calls = new ArrayList<>();
      for (int n = 0; n < 40; n++) {
        // Later calls are answered sooner: replies come back out of order.
        JsonObject properties = new JsonObject().put("delay_ms", 5 * (40 - n)).put("n", n);
        calls.add(CompletableFuture.supplyAsync(() -> client.call("slow", properties), callers).thenCompose(c -> c));
      }
      for (int n = 0; n < 40; n++) {
        JsonObject reply = calls.get(n).join();
        assertThat(new JsonObject(reply.getString("payload")).getJsonObject("properties").getInteger("n")).isEqualTo(n);
      }
    } finally {
      callers.shutdownNow();
    }
  }

  @Test
  void framesOfAnySizeGoBothWays() {
    String big = "x".repeat(3 << 20);
    try (ZmqCircusClient client = ZmqCircusClient.connect(bridge.controllerEndpoint(), PATIENCE)) {
      JsonObject reply = client.call("echo", new JsonObject().put("big", big)).join();

      assertThat(new JsonObject(reply.getString("payload")).getJsonObject("properties").getString("big")).isEqualTo(big);
    }
  }

  @Test
  void aCallWithoutReplyTimesOut() {
    try (ZmqCircusClient client = ZmqCircusClient.connect(bridge.controllerEndpoint(), Duration.ofMillis(300))) {
      assertThatThrownBy(() -> client.call("slow", new JsonObject().put("delay_ms", 600_000)).join()).cause()
          .isInstanceOf(CircusTimeoutException.class).hasMessage("Timed out.");
    }
  }

  @Test
  void aMissingSocketFileIsReportedWithTheOsError() {
    String endpoint = "ipc://" + dir.resolve("nothing.sock");

    assertThatThrownBy(() -> ZmqCircusClient.connect(endpoint)).isInstanceOf(CircusClientException.class)
        .hasMessage("cannot connect to " + endpoint + ": No such file or directory");
    assertThatThrownBy(() -> EventSubscriber.connect(endpoint, List.of(""))).isInstanceOf(CircusClientException.class)
        .hasMessage("cannot connect to " + endpoint + ": No such file or directory");
  }

  @Test
  void aSocketNobodyListensOnIsReportedWithTheOsError() throws Exception {
    Path abandoned = dir.resolve("abandoned.sock");
    try (ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
      server.bind(UnixDomainSocketAddress.of(abandoned));
    }
    String endpoint = "ipc://" + abandoned;

    assertThatThrownBy(() -> ZmqCircusClient.connect(endpoint)).isInstanceOf(CircusClientException.class)
        .hasMessage("cannot connect to " + endpoint + ": Connection refused");
  }

  @Test
  void afterTheDaemonCameBackCallsAreAnsweredAgain() {
    try (ZmqCircusClient client = ZmqCircusClient.connect(bridge.controllerEndpoint(), Duration.ofSeconds(1))) {
      assertThat(client.call("list", new JsonObject()).join().getString("command")).isEqualTo("list");
      Await.result(bridge.stopBridge());
      Await.result(bridge.deployAnother(Bridge.spec("ipc://" + dir.resolve("ctl.sock"),
          "ipc://" + dir.resolve("pub.sock"), null, dir)));

      // Calls sent while the client had not yet noticed may be lost, as with libzmq: retry until one comes back.
      await().atMost(PATIENCE).ignoreException(CircusTimeoutException.class).untilAsserted(() ->
          assertThat(client.call("status", new JsonObject()).join().getString("command")).isEqualTo("status"));
    }
  }

  @Test
  void eventsOfTheSubscribedTopicsComeAsTopicAndData() {
    try (EventSubscriber events = EventSubscriber.connect(bridge.pubsubEndpoint(), List.of("watcher.web.", "stat."))) {
      awaitSubscribed(events);
      bridge.publishEvent("watcher.db.spawn", new JsonObject().put("process_pid", 7));
      bridge.publishEvent("watcher.webapp.spawn", new JsonObject().put("process_pid", 8));
      bridge.publishEvent("watcher.web.spawn", new JsonObject().put("process_pid", 42));
      bridge.publishEvent("stat.web", new JsonObject());
      bridge.publishEvent(TcpPublisherTest.END, new JsonObject());

      List<CircusEvent> received = untilEnd(events);

      assertThat(received).extracting(CircusEvent::topic).containsExactly("watcher.web.spawn", "stat.web",
          TcpPublisherTest.END);
      assertThat(received.get(0).data().getInteger("process_pid")).isEqualTo(42);
    }
  }

  /**
   * Publishes probes until one comes back: the PUB has the subscription from then on. Receives
   * without waiting, as circus-top does: the handshake and the reads must still go on.
   */
  private void awaitSubscribed(EventSubscriber events) {
    await().atMost(PATIENCE).until(() -> {
      bridge.publishEvent(TcpPublisherTest.PROBE, new JsonObject());
      return events.receive(Duration.ZERO).isPresent();
    });
  }

  private static List<CircusEvent> untilEnd(EventSubscriber events) {
    List<CircusEvent> received = new ArrayList<>();
    while (received.isEmpty() || !received.get(received.size() - 1).topic().equals(TcpPublisherTest.END)) {
      Optional<CircusEvent> event = events.receive(PATIENCE);
      assertThat(event).as("an event within %s", PATIENCE).isPresent();
      if (!event.get().topic().equals(TcpPublisherTest.PROBE)) {
        received.add(event.get());
      }
    }
    return received;
  }
}
