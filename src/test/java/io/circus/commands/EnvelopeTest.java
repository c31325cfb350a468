package io.circus.commands;

import static io.circus.commands.CommandHarness.props;
import static org.assertj.core.api.Assertions.assertThat;

import io.circus.config.WatcherSpec;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** How the controller reads requests and shapes replies (SPEC.md §1.3-1.8). */
@ExtendWith(VertxExtension.class)
class EnvelopeTest {

  private CommandHarness circus;

  @BeforeEach
  void setUp(Vertx vertx) {
    circus = new CommandHarness(vertx, WatcherSpec.builder("alpha").cmd("sleep 3600").build());
  }

  @Test
  void aReplyHasStatusTimeTheResultFieldsAndTheIdInCircusOrder() {
    JsonObject reply = circus.send(new JsonObject().put("command", "numwatchers").put("id", 42));

    assertThat(reply.fieldNames()).containsExactly("status", "time", "numwatchers", "id");
    assertThat(reply.getString("status")).isEqualTo("ok");
    assertThat(reply.getDouble("time")).isCloseTo(System.currentTimeMillis() / 1000.0, org.assertj.core.data.Offset.offset(5.0));
    assertThat(reply.getInteger("numwatchers")).isEqualTo(1);
    assertThat(reply.getValue("id")).isEqualTo(42);
  }

  @Test
  void anyJsonIdIsEchoedAndAMissingOneIsNull() {
    JsonObject nested = new JsonObject().put("nested", new io.vertx.core.json.JsonArray().add(1).add(2));
    assertThat(circus.send(new JsonObject().put("command", "numwatchers").put("id", nested)).getValue("id")).isEqualTo(nested);
    JsonObject noId = circus.send(new JsonObject().put("command", "numwatchers"));
    assertThat(noId.containsKey("id")).isTrue();
    assertThat(noId.getValue("id")).isNull();
  }

  @Test
  void commandNamesAreMatchedCaseInsensitively() {
    assertThat(circus.call("NumWatchers").getInteger("numwatchers")).isEqualTo(1);
  }

  @Test
  void anUnknownCommandIsErrno2WithItsName() {
    JsonObject reply = circus.call("bogus");

    assertThat(reply.fieldNames()).containsExactly("status", "reason", "tb", "time", "errno", "id");
    assertThat(reply.getString("status")).isEqualTo("error");
    assertThat(reply.getString("reason")).isEqualTo("unknown command: 'bogus'");
    assertThat(reply.getInteger("errno")).isEqualTo(2);
    assertThat(reply.getValue("tb")).isNull();
  }

  @Test
  void malformedJsonAndInvalidUtf8AreErrno1WithANullId() {
    for (String payload : new String[] {"not json at all", "{\"command\": \"list\", \"id\": \"abc\""}) {
      JsonObject reply = circus.sendRaw(payload);
      assertThat(reply.getString("reason")).isEqualTo("json invalid");
      assertThat(reply.getInteger("errno")).isEqualTo(1);
      assertThat(reply.getValue("id")).isNull();
    }
    JsonObject reply = io.circus.arbiter.Await.result(circus.vertx.eventBus().<JsonObject>request(Controller.ADDRESS,
        io.vertx.core.buffer.Buffer.buffer(new byte[] {'{', '"', 'i', 'd', '"', ':', '"', (byte) 0xff, '"', '}'}))).body();
    assertThat(reply.getInteger("errno")).isEqualTo(1);
  }

  @Test
  void whitespaceAroundThePayloadIsIgnored() {
    assertThat(circus.sendRaw("  \n {\"command\": \"numwatchers\", \"id\": \"ws\"}  \n").getString("id")).isEqualTo("ws");
  }

  @Test
  void whatMakesCircusStallIsAnsweredWithAnErrorInstead() {
    assertThat(circus.sendRaw("   ").getInteger("errno")).isEqualTo(3);
    assertThat(circus.sendRaw("[1, 2, 3]").getString("reason")).startsWith("invalid message");
    JsonObject noCommand = circus.sendRaw("{\"id\": \"nocmd\", \"properties\": {}}");
    assertThat(noCommand.getInteger("errno")).isEqualTo(3);
    assertThat(noCommand.getString("id")).isEqualTo("nocmd");
    assertThat(circus.sendRaw("{\"id\": \"numcmd\", \"command\": 5}").getInteger("errno")).isEqualTo(3);
  }

  @Test
  void aCastRunsButGetsNoReply() {
    JsonObject cast = circus.send(new JsonObject().put("command", "incr").put("msg_type", "cast")
        .put("properties", props("name", "alpha", "nb", 2)));

    assertThat(cast).isNull();
    org.awaitility.Awaitility.await().until(() -> circus.arbiter.watcher("alpha").orElseThrow().snapshot().spec().numprocesses() == 3);
  }

  @Test
  void nullPropertiesAreNoPropertiesAndNonObjectPropertiesAreRefused() {
    assertThat(circus.send(new JsonObject().put("command", "list").putNull("properties")).getJsonArray("watchers")).hasSize(1);
    assertThat(circus.send(new JsonObject().put("command", "list").put("properties", new io.vertx.core.json.JsonArray()))
        .getInteger("errno")).isEqualTo(3);
  }

  @Test
  void anErrno5ReasonQuotesTheRequestAsCircusDoes() {
    JsonObject reply = circus.sendRaw("{\"command\": \"kill\", \"properties\": {\"name\": \"alpha\", \"pid\": \"abc\"}, \"id\": \"x\"}");

    assertThat(reply.getInteger("errno")).isEqualTo(5);
    assertThat(reply.getString("reason")).isEqualTo("command b'{\"command\": \"kill\", \"properties\": {\"name\": \"alpha\", "
        + "\"pid\": \"abc\"}, \"id\": \"x\"}': invalid literal for int() with base 10: 'abc'");
    assertThat(reply.getString("tb")).isNotBlank();
  }
}
