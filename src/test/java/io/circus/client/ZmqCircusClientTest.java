package io.circus.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.circus.testing.FakeCircusd;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** The ZeroMQ client against a fake circusd over real loopback TCP. */
class ZmqCircusClientTest {

  private static JsonObject ok() {
    return new JsonObject().put("status", "ok").put("time", 1795420391.5315154);
  }

  @Test
  void aCallIsOneFrameOfPythonStyleJsonFromA32HexIdentityAndGetsItsReply() throws Exception {
    try (FakeCircusd circusd = FakeCircusd.replying(request -> ok().put("watchers", new JsonArray().add("web")).put("id", null));
        ZmqCircusClient client = ZmqCircusClient.connect(circusd.endpoint())) {
      JsonObject reply = client.call("list", new JsonObject()).join();

      assertThat(reply.getJsonArray("watchers").getList()).containsExactly("web");
      FakeCircusd.Request request = circusd.requests().get(0);
      assertThat(request.identity()).matches("[0-9a-f]{32}");
      assertThat(request.payload()).matches("\\{\"command\": \"list\", \"properties\": \\{\\}, \"id\": \"[0-9a-f]{32}\"}");
      assertThat(reply.getString("id")).isEqualTo(request.id());
    }
  }

  @Test
  void repliesNamingAnotherIdAreDropped() throws Exception {
    try (FakeCircusd circusd = FakeCircusd.start(request -> List.of(
            FakeCircusd.withId(ok().put("numwatchers", 99).put("id", ""), "not-this-call"),
            FakeCircusd.withId(ok().put("numwatchers", 4).put("id", ""), request.id())));
        ZmqCircusClient client = ZmqCircusClient.connect(circusd.endpoint())) {
      assertThat(client.numwatchers().join()).isEqualTo(4);
    }
  }

  @Test
  void anErrorReplyFailsTheCallWithItsErrnoAndReason() throws Exception {
    JsonObject error = new JsonObject().put("status", "error").put("reason", "program nope not found").put("tb", null)
        .put("time", 1.0).put("errno", 3).put("id", null);
    try (FakeCircusd circusd = FakeCircusd.replying(request -> error);
        ZmqCircusClient client = ZmqCircusClient.connect(circusd.endpoint())) {
      assertThatThrownBy(() -> client.status("nope").join()).isInstanceOf(CompletionException.class)
          .cause().isInstanceOfSatisfying(CircusErrorException.class, e -> {
            assertThat(e.errno()).isEqualTo(3);
            assertThat(e.reason()).isEqualTo("program nope not found");
            assertThat(e.reply().getString("status")).isEqualTo("error");
          });
    }
  }

  @Test
  void aCallWithoutReplyTimesOutWithCircusMessage() throws Exception {
    try (FakeCircusd circusd = FakeCircusd.replying(request -> null);
        ZmqCircusClient client = ZmqCircusClient.connect(circusd.endpoint(), Duration.ofMillis(300))) {
      assertThatThrownBy(() -> client.list().join()).cause()
          .isInstanceOf(CircusTimeoutException.class).hasMessage("Timed out.");
    }
  }

  @Test
  void manyCallsInFlightAreMatchedToTheirRepliesWhateverTheOrder() throws Exception {
    List<FakeCircusd.Request> held = new CopyOnWriteArrayList<>();
    // Answers nothing until ten requests came, then all of them, last first.
    try (FakeCircusd circusd = FakeCircusd.start(request -> {
      held.add(request);
      if (held.size() < 10) return List.of();
      List<String> replies = new ArrayList<>();
      for (int i = held.size() - 1; i >= 0; i--) {
        FakeCircusd.Request r = held.get(i);
        replies.add(FakeCircusd.withId(ok().put("numprocesses", r.json().getJsonObject("properties").getInteger("nb"))
            .put("id", ""), r.id()));
      }
      return replies;
    });
        ZmqCircusClient client = ZmqCircusClient.connect(circusd.endpoint())) {
      List<CompletableFuture<ProcessCount>> calls = new ArrayList<>();
      for (int nb = 0; nb < 10; nb++) calls.add(client.incr("web", nb, true));

      for (int nb = 0; nb < 10; nb++) {
        assertThat(calls.get(nb).join().numprocesses()).hasValue(nb);
      }
    }
  }

  @Test
  void aCastSaysSoAndCarriesNoId() throws Exception {
    try (FakeCircusd circusd = FakeCircusd.replying(request -> null);
        ZmqCircusClient client = ZmqCircusClient.connect(circusd.endpoint())) {
      client.cast("stop", new JsonObject().put("name", "web")).join();

      await().atMost(Duration.ofSeconds(10)).until(() -> circusd.requests().size() == 1);
      assertThat(circusd.requests().get(0).payload())
          .isEqualTo("{\"command\": \"stop\", \"msg_type\": \"cast\", \"properties\": {\"name\": \"web\"}}");
    }
  }

  @Test
  void closingFailsTheCallsStillWaitingAndLaterOnes() throws Exception {
    try (FakeCircusd circusd = FakeCircusd.replying(request -> null)) {
      ZmqCircusClient client = ZmqCircusClient.connect(circusd.endpoint());
      CompletableFuture<JsonObject> waiting = client.call("list", new JsonObject());
      await().atMost(Duration.ofSeconds(10)).until(() -> circusd.requests().size() == 1);

      client.close();

      assertThatThrownBy(waiting::join).cause().isInstanceOf(CircusClientException.class).hasMessage("the client is closed");
      assertThatThrownBy(() -> client.list().join()).cause().hasMessage("the client is closed");
    }
  }

  @Test
  void anInvalidEndpointIsRefusedAtConnect() {
    assertThatThrownBy(() -> ZmqCircusClient.connect("nonsense")).isInstanceOf(CircusClientException.class)
        .hasMessageStartingWith("cannot connect to nonsense");
  }

  @Test
  void typedCallsSendCircusPropertiesAndReadTheirResults() throws Exception {
    try (FakeCircusd circusd = FakeCircusd.replying(request -> switch (request.getString("command")) {
      case "list" -> ok().put("pids", new JsonArray().add(101).add(102)).put("id", null);
      case "status" -> new JsonObject().put("status", "active").put("time", 1.0).put("id", null);
      case "restart" -> ok().put("info", new JsonObject().put("stopped", new JsonArray().add(101))
          .put("started", new JsonArray().add(103)).put("kept", new JsonArray())).put("id", null);
      case "listsockets" -> ok().put("sockets", new JsonArray().add(new JsonObject().put("fd", 8).put("name", "web")
          .put("backlog", 2048).put("host", "127.0.0.1").put("port", 8080))).put("id", null);
      default -> ok().put("id", null);
    });
        ZmqCircusClient client = ZmqCircusClient.connect(circusd.endpoint())) {
      assertThat(client.pids("web").join()).containsExactly(101L, 102L);
      assertThat(client.status("web").join()).isEqualTo("active");
      assertThat(client.restart(WatcherSelection.named("web"), true).join())
          .isEqualTo(new ProcessChanges(List.of(103L), List.of(), List.of(101L)));
      assertThat(client.listsockets().join()).containsExactly(new SocketInfo(8, "web", 2048, "127.0.0.1", 8080, null));
      client.kill(KillRequest.of("web").withPid(101).withSignal("KILL").withGracefulTimeout(2.5).waitingForExit()).join();
      client.signal(SignalRequest.of("web", "HUP").withPid(101).toChildren()).join();
      client.add(AddRequest.of("db", "postgres").withArgs(List.of("-D", "data"))
          .withOptions(new JsonObject().put("numprocesses", 1)).started(true)).join();
      client.set("web", new JsonObject().put("numprocesses", 3), false).join();
      client.rm("web", true, false).join();

      assertThat(circusd.requests().stream().skip(4).map(r -> r.json().getJsonObject("properties").encode()))
          .containsExactly(
              "{\"name\":\"web\",\"pid\":101,\"signum\":\"KILL\",\"graceful_timeout\":2.5,\"waiting\":true}",
              "{\"name\":\"web\",\"signum\":\"HUP\",\"pid\":101,\"children\":true,\"recursive\":false}",
              "{\"name\":\"db\",\"cmd\":\"postgres\",\"args\":[\"-D\",\"data\"],\"options\":{\"numprocesses\":1},"
                  + "\"start\":true,\"waiting\":true}",
              "{\"name\":\"web\",\"options\":{\"numprocesses\":3},\"waiting\":false}",
              "{\"name\":\"web\",\"nostop\":true,\"waiting\":false}");
    }
  }
}
