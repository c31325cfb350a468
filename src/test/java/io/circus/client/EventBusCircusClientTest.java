package io.circus.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.vertx.core.Vertx;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The event-bus client against a stand-in consumer of circus.command in a real Vert.x. */
class EventBusCircusClientTest {

  private Vertx vertx;
  private final List<JsonObject> received = new CopyOnWriteArrayList<>();

  @BeforeEach
  void startVertx() {
    vertx = Vertx.vertx();
  }

  @AfterEach
  void closeVertx() {
    vertx.close().await();
  }

  private void answer(Function<JsonObject, JsonObject> daemon) {
    MessageConsumer<JsonObject> consumer = vertx.eventBus().consumer(EventBusCircusClient.COMMAND_ADDRESS, message -> {
      received.add(message.body());
      JsonObject reply = daemon.apply(message.body());
      if (reply != null) message.reply(reply.put("id", message.body().getValue("id")));
    });
    consumer.completion().await();
  }

  @Test
  void aCallIsTheCircusRequestAndCompletesWithTheCircusReply() {
    answer(request -> new JsonObject().put("status", "ok").put("time", 1.0)
        .put("watchers", new JsonArray().add("db").add("web")));
    CircusClient client = new EventBusCircusClient(vertx.eventBus());

    assertThat(client.list().join()).containsExactly("db", "web");
    assertThat(received.get(0).getString("command")).isEqualTo("list");
    assertThat(received.get(0).getJsonObject("properties")).isEqualTo(new JsonObject());
    assertThat(received.get(0).getString("id")).matches("[0-9a-f]{32}");
  }

  @Test
  void anErrorReplyFailsTheCall() {
    answer(request -> new JsonObject().put("status", "error").put("reason", "program nope not found").put("errno", 3));
    CircusClient client = new EventBusCircusClient(vertx.eventBus());

    assertThatThrownBy(() -> client.options("nope").join()).cause()
        .isInstanceOfSatisfying(CircusErrorException.class, e -> assertThat(e.errno()).isEqualTo(3))
        .hasMessage("program nope not found");
  }

  @Test
  void noAnswerInTimeIsATimeout() {
    answer(request -> null);
    CircusClient client = new EventBusCircusClient(vertx.eventBus(), Duration.ofMillis(200));

    assertThatThrownBy(() -> client.numwatchers().join()).cause().isInstanceOf(CircusTimeoutException.class)
        .hasMessage("Timed out.");
  }

  @Test
  void noDaemonOnTheBusIsSaidSo() {
    CircusClient client = new EventBusCircusClient(vertx.eventBus());

    assertThatThrownBy(() -> client.numwatchers().join()).cause().isInstanceOf(CircusClientException.class)
        .hasMessageContaining("nothing consumes circus.command");
  }

  @Test
  void aCastIsSentWithoutWaitingForAnAnswer() {
    answer(request -> null);
    CircusClient client = new EventBusCircusClient(vertx.eventBus());

    client.cast("stop", new JsonObject().put("name", "web")).join();

    await().until(() -> received.size() == 1);
    assertThat(received.get(0)).isEqualTo(new JsonObject().put("command", "stop").put("msg_type", "cast")
        .put("properties", new JsonObject().put("name", "web")));
  }
}
