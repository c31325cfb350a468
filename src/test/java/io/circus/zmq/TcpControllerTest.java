package io.circus.zmq;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.circus.arbiter.Await;
import io.circus.testing.JeromqClients;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.zeromq.ZMQ;

/** The controller endpoint over tcp, driven by JeroMQ DEALER (and REQ) clients as circusctl drives it. */
class TcpControllerTest {

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
  void aRequestIsAnsweredWithTheControllersReplyAndItsId() {
    ZMQ.Socket client = dealer();
    String request = "{\"command\": \"list\", \"properties\": {}, \"id\": \"3f2a\"}";

    client.send(request);

    JsonObject reply = receive(client);
    assertThat(reply.getString("id")).isEqualTo("3f2a");
    assertThat(reply.getString("payload")).isEqualTo(request);
  }

  @Test
  void theReplyIsWrittenAsPythonWritesJson() {
    bridge.controller.replyWith(new JsonObject().put("status", "ok").put("time", 1795420391.5315154)
        .put("watchers", new JsonArray().add("caf\u00e9")).put("id", "7"));
    ZMQ.Socket client = dealer();

    client.send("{\"command\": \"list\", \"id\": \"7\"}");

    assertThat(client.recvStr()).isEqualTo("{\"status\": \"ok\", \"time\": 1795420391.5315154, "
        + "\"watchers\": [\"caf\\u00e9\"], \"id\": \"7\"}");
  }

  @Test
  void thePayloadReachesTheBusByteForByte() {
    ZMQ.Socket client = dealer();
    byte[] payload = "  \n{\"command\": \"list\", \"id\": \"\u00e9\"}\n".getBytes(StandardCharsets.UTF_8);
    byte[] notUtf8 = {'{', (byte) 0xFF, '}'};

    client.send(payload);
    client.send(notUtf8);

    receive(client);
    assertThat(receive(client).getString("reason")).isEqualTo("json invalid");
    assertThat(bridge.controller.rawPayloads()).containsExactly(payload, notUtf8);
  }

  @Test
  void manyClientsAtOnceEachGetTheirOwnReplies() throws Exception {
    int clientCount = 24;
    int requestsEach = 40;
    ExecutorService threads = Executors.newFixedThreadPool(clientCount);
    try {
      List<Future<List<String>>> results = new ArrayList<>();
      for (int c = 0; c < clientCount; c++) {
        String name = "client" + c;
        // Each thread owns its socket: JeroMQ sockets are single-threaded.
        ZMQ.Socket client = dealer();
        results.add(threads.submit(() -> {
          List<String> ids = new ArrayList<>();
          for (int i = 0; i < requestsEach; i++) {
            client.send(new JsonObject().put("command", "list").put("id", name + "-" + i).encode());
            ids.add(receive(client).getString("id"));
          }
          return ids;
        }));
      }
      for (int c = 0; c < clientCount; c++) {
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < requestsEach; i++) {
          expected.add("client" + c + "-" + i);
        }
        assertThat(results.get(c).get()).containsExactlyElementsOf(expected);
      }
    } finally {
      threads.shutdownNow();
    }
  }

  @Test
  void aLateReplyComesAfterTheRepliesOfLaterRequestsOnTheSameConnection() {
    ZMQ.Socket client = dealer();

    client.send(slow("late", 300));
    client.send("{\"command\": \"list\", \"id\": \"quick\"}");

    assertThat(receive(client).getString("id")).isEqualTo("quick");
    assertThat(receive(client).getString("id")).isEqualTo("late");
  }

  @Test
  void aCastGetsNoReply() {
    ZMQ.Socket client = dealer();

    client.send("{\"command\": \"incr\", \"msg_type\": \"cast\", \"id\": \"cast\"}");
    client.send("{\"command\": \"list\", \"id\": \"call\"}");

    assertThat(receive(client).getString("id")).isEqualTo("call");
    assertThat(bridge.controller.payloads()).hasSize(2);
    assertThat(client.recv(ZMQ.DONTWAIT)).isNull();
  }

  @Test
  void aMessageOfTwoFramesIsDroppedAndTheNextRequestOnTheConnectionIsAnswered() {
    try (LogCapture log = new LogCapture(CommandRelay.class)) {
      ZMQ.Socket client = dealer();

      client.sendMore("{\"id\": \"two\", \"command\": \"numwatchers\"}");
      client.send("extra");
      client.send("{\"command\": \"list\", \"id\": \"next\"}");

      assertThat(receive(client).getString("id")).isEqualTo("next");
      assertThat(log.messages()).anyMatch(m -> m.contains("got unexpected message of 3 frames"));
      assertThat(bridge.controller.payloads()).containsExactly("{\"command\": \"list\", \"id\": \"next\"}");
    }
  }

  @Test
  void aReqClientIsNeverAnsweredAndHoldsUpNobody() {
    try (LogCapture log = new LogCapture(CommandRelay.class)) {
      ZMQ.Socket req = clients.req(bridge.controllerEndpoint());

      req.send("{\"id\": \"req1\", \"command\": \"numwatchers\"}");

      log.awaitMessage("got unexpected message of 3 frames");
      ZMQ.Socket dealer = dealer();
      dealer.send("{\"command\": \"list\", \"id\": \"after\"}");
      assertThat(receive(dealer).getString("id")).isEqualTo("after");
      assertThat(req.recv(ZMQ.DONTWAIT)).isNull();
      assertThat(bridge.controller.payloads()).noneMatch(p -> p.contains("req1"));
    }
  }

  @Test
  void aClientThatLeavesBeforeItsReplyBreaksNothing() {
    ZMQ.Socket leaving = dealer();
    leaving.send(slow("orphan", 200));
    await("the request to reach the controller").atMost(Duration.ofSeconds(10))
        .until(() -> bridge.controller.payloads().size() == 1);
    leaving.close();
    ZMQ.Socket staying = dealer();

    staying.send("{\"command\": \"list\", \"id\": \"first\"}");
    assertThat(receive(staying).getString("id")).isEqualTo("first");
    await("the orphan reply to be sent").atMost(Duration.ofSeconds(10))
        .until(() -> bridge.controller.repliesSent() == 2);
    staying.send("{\"command\": \"list\", \"id\": \"second\"}");
    assertThat(receive(staying).getString("id")).isEqualTo("second");
  }

  @Test
  void aClientThatNeverReadsItsRepliesHoldsUpNobody() {
    int requests = 3000;
    ZMQ.Socket deaf = dealer();
    String padded = new JsonObject().put("command", "list").put("padding", "x".repeat(4096)).encode();
    for (int i = 0; i < requests; i++) {
      deaf.send(padded);
    }
    await("every request answered by the controller").atMost(Duration.ofSeconds(20))
        .until(() -> bridge.controller.repliesSent() == requests);

    ZMQ.Socket other = dealer();
    other.send("{\"command\": \"list\", \"id\": \"other\"}");
    assertThat(receive(other).getString("id")).isEqualTo("other");
  }

  @Test
  void aReplyStillDueWhenTheBridgeStopsReachesTheClientBeforeTheSocketCloses() {
    ZMQ.Socket client = dealer();
    client.send(slow("due", 500));
    await("the request to reach the controller").atMost(Duration.ofSeconds(10))
        .until(() -> bridge.controller.payloads().size() == 1);

    var stopped = bridge.stopBridge();

    assertThat(receive(client).getString("id")).isEqualTo("due");
    Await.result(stopped);
  }

  static String slow(String id, long delayMillis) {
    return new JsonObject().put("command", "slow").put("id", id)
        .put("properties", new JsonObject().put("delay_ms", delayMillis)).encode();
  }

  private ZMQ.Socket dealer() {
    return clients.dealer(bridge.controllerEndpoint());
  }

  private static JsonObject receive(ZMQ.Socket client) {
    return JeromqClients.reply(client);
  }
}
