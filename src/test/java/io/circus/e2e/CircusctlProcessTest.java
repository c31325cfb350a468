package io.circus.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.circus.testing.FakeCircusd;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code bin/circusctl} as its own process, as a user runs it, against a fake circusd. */
class CircusctlProcessTest {

  @TempDir
  Path dir;

  @Test
  void printsTheReplyAndExitsWithCircusctlStatuses() throws Exception {
    JsonObject watchers = new JsonObject().put("status", "ok").put("time", 1.5)
        .put("watchers", new JsonArray().add("db").add("web")).put("id", null);
    try (FakeCircusd circusd = FakeCircusd.replying(request -> "list".equals(request.getString("command")) ? watchers
        : new JsonObject().put("status", "error").put("reason", "program nope not found").put("errno", 3).put("id", null))) {
      CircusctlProcess.Result list = CircusctlProcess.run(dir, "--endpoint", circusd.endpoint(), "list");
      assertThat(list.status()).isZero();
      assertThat(list.stdout()).isEqualTo("db,web\n");

      CircusctlProcess.Result status = CircusctlProcess.run(dir, "--endpoint", circusd.endpoint(), "status", "nope");
      assertThat(status.status()).isEqualTo(3);
      assertThat(status.stderr()).isEqualTo("error: program nope not found\n");
    }
  }

  @Test
  void listenPrintsEventsUntilCtrlCThenExitsOne() throws Exception {
    try (FakeCircusd circusd = FakeCircusd.replying(request -> null)) {
      CircusctlProcess listen = CircusctlProcess.start(dir, "--endpoint", circusd.pubsubEndpoint(), "listen");
      await().atMost(Duration.ofSeconds(60)).until(() -> circusd.subscriptions().contains(""));
      circusd.publish("watcher.web.spawn", "{\"process_pid\": 42, \"time\": 1.5}");
      await().atMost(Duration.ofSeconds(10)).until(() -> !listen.stdout().isEmpty());

      new ProcessBuilder("kill", "-INT", Long.toString(listen.process().pid())).start().waitFor();

      CircusctlProcess.Result result = listen.awaitExit();
      assertThat(result.status()).isEqualTo(1);
      assertThat(result.stdout()).isEqualTo("b'watcher.web.spawn': b'{\"process_pid\": 42, \"time\": 1.5}'\n");
    }
  }
}
