package io.circus.plugins;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** The flapping plugin in circusd, against watchers whose processes exit at once. */
@ExtendWith(VertxExtension.class)
class FlappingTest {

  private static final Duration WAIT = Duration.ofSeconds(20);

  @TempDir
  Path dir;

  @Test
  void aFlappingWatcherIsStoppedRetriedThenGivenUpOn(Vertx vertx) {
    PluginHarness circus = new PluginHarness(vertx, dir, """
        [watcher:flappy]
        cmd = sh -c 'exit 3'
        flapping.max_retry = 2

        [watcher:steady]
        cmd = sleep 3600

        [plugin:flapping]
        use = circus.plugins.flapping.Flapping
        retry_in = 0.5
        """).started();

    // stopped, started again after retry_in, twice (max_retry = 2), then stopped for good
    await().atMost(WAIT).until(() -> circus.count("flappy", "stop") >= 3 && circus.status("flappy").equals("stopped"));
    assertThat(circus.count("flappy", "start")).isEqualTo(3); // the daemon's start, then the two retries
    long reaps = circus.count("flappy", "reap");
    JsonObject notes = circus.call("status", new JsonObject().put("name", "flappy")).getJsonObject("notes");
    assertThat(notes.getJsonObject("flapping").getString("state")).isEqualTo("stopped");
    assertThat(circus.status("steady")).isEqualTo("active");
    assertThat(circus.status("plugin:flapping")).isEqualTo("active");
    assertThat(circus.count("flappy", "reap")).isEqualTo(reaps); // really stopped: nothing respawns it
    circus.stop();
  }

  @Test
  void aRestartOfASteadyWatcherIsNotFlapping(Vertx vertx) {
    PluginHarness circus = new PluginHarness(vertx, dir, """
        [watcher:steady]
        cmd = sleep 3600
        numprocesses = 3

        [plugin:flapping]
        use = circus.plugins.flapping.Flapping
        attempts = 2
        window = 10
        """).started();

    circus.call("restart", new JsonObject().put("name", "steady").put("waiting", true));
    circus.call("restart", new JsonObject().put("name", "steady").put("waiting", true));

    assertThat(circus.count("steady", "reap")).isEqualTo(6);
    assertThat(circus.status("steady")).isEqualTo("active");
    assertThat(circus.count("steady", "stop")).isEqualTo(2);
    circus.stop();
  }

  @Test
  void backOffDoublesTheDelayAndShowsItInStatus(Vertx vertx) {
    PluginHarness circus = new PluginHarness(vertx, dir, """
        [watcher:flappy]
        cmd = sh -c 'exit 3'

        [plugin:flapping]
        use = io.circus.plugins.bundled.Flapping
        retry_in = 0.3
        backoff = true
        backoff_max = 1.2
        max_retry = 1
        """).started();

    await().atMost(WAIT).until(() -> circus.count("flappy", "start") >= 4);
    JsonObject status = circus.call("status", new JsonObject());
    assertThat(status.getJsonObject("notes").getJsonObject("flappy").getJsonObject("flapping").getInteger("attempt"))
        .isGreaterThanOrEqualTo(4);
    await().atMost(WAIT).until(() -> {
      JsonObject note = circus.call("status", new JsonObject().put("name", "flappy")).getJsonObject("notes").getJsonObject("flapping");
      return note.getString("state").equals("backoff") && note.getDouble("restart_in") == 1.2;
    });
    circus.stop();
  }

  @Test
  void flappingActiveFalseInAWatcherTurnsItOffThere(Vertx vertx) {
    PluginHarness circus = new PluginHarness(vertx, dir, """
        [watcher:flappy]
        cmd = sh -c 'exit 3'
        flapping.active = false

        [plugin:flapping]
        use = circus.plugins.flapping.Flapping
        """).started();

    await().atMost(WAIT).until(() -> circus.count("flappy", "reap") >= 20);
    assertThat(circus.count("flappy", "stop")).isZero();
    circus.stop();
  }
}
