package io.circus.plugins;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.circus.arbiter.Await;
import io.circus.config.ConfigDiff;
import io.circus.config.ConfigError;
import io.circus.config.ConfigLoader;
import io.circus.config.ConfigException;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** A plugin deployed by circusd from its configuration: events, commands, and its supervision. */
@ExtendWith(VertxExtension.class)
class PluginLifecycleTest {

  private static final Duration WAIT = Duration.ofSeconds(20);

  @TempDir
  Path dir;

  private Path record() {
    return dir.resolve("record.txt");
  }

  private List<String> lines() throws IOException {
    return Files.exists(record()) ? Files.readAllLines(record()) : List.of();
  }

  private PluginHarness circus(Vertx vertx, String pluginOptions) {
    return new PluginHarness(vertx, dir, """
        [watcher:grow]
        cmd = sleep 3600

        [watcher:victim]
        cmd = sleep 3600
        autostart = false

        [plugin:rec]
        use = io.circus.plugins.RecordingPlugin
        file = %s
        max_retry = 2
        %s
        """.formatted(record(), pluginOptions)).started();
  }

  @Test
  void aConfiguredPluginReceivesEventsCallsCommandsAndIsListedAsAWatcher(Vertx vertx) throws IOException {
    PluginHarness circus = circus(vertx, "");

    await().atMost(WAIT).until(() -> lines().contains("incr ok 2"));
    assertThat(lines()).startsWith("init rec").contains("watcher.grow.spawn", "watcher.grow.start");
    assertThat(circus.call("list", new JsonObject()).getJsonArray("watchers"))
        .isEqualTo(new JsonArray(List.of("grow", "plugin:rec", "victim")));
    assertThat(circus.status("plugin:rec")).isEqualTo("active");
    assertThat(circus.call("list", new JsonObject().put("name", "plugin:rec")).getJsonArray("pids"))
        .containsExactly((int) ProcessHandle.current().pid());
    assertThat(circus.call("numprocesses", new JsonObject().put("name", "grow")).getInteger("numprocesses")).isEqualTo(2);

    circus.stop();
    assertThat(lines()).endsWith("stop");
    assertThat(circus.eventsOf("plugin:rec", "reap")).singleElement()
        .satisfies(e -> assertThat(e.getJsonObject("data").getInteger("exit_code")).isEqualTo(-15));
  }

  @Test
  void pluginsStartBeforeTheWatchersOfLowerPriority(Vertx vertx) throws IOException {
    PluginHarness circus = circus(vertx, "");

    await().atMost(WAIT).until(() -> lines().contains("incr ok 2"));
    JsonArray topics = new JsonArray(circus.events.stream().map(e -> e.getString("topic")).toList());
    assertThat(topics.getList().indexOf("watcher.plugin:rec.start")).isLessThan(topics.getList().indexOf("watcher.grow.start"));
    circus.stop();
  }

  @Test
  void aPluginThatThrowsIsRestartedAndTheDaemonGoesOn(Vertx vertx) throws IOException {
    PluginHarness circus = circus(vertx, "misbehave = crash");

    circus.call("start", new JsonObject().put("name", "victim").put("waiting", true));

    await().atMost(WAIT).until(() -> lines().stream().filter(l -> l.equals("init rec")).count() == 2);
    assertThat(circus.eventsOf("plugin:rec", "reap")).first()
        .satisfies(e -> assertThat(e.getJsonObject("data").getInteger("exit_code")).isEqualTo(1));
    assertThat(circus.status("plugin:rec")).isEqualTo("active");
    assertThat(circus.status("victim")).isEqualTo("active");
    circus.stop();
  }

  @Test
  void aPluginThatHangsIsAbandonedAndRestarted(Vertx vertx) throws IOException {
    PluginHarness circus = circus(vertx, "misbehave = hang\nhang_timeout = 1");

    circus.call("start", new JsonObject().put("name", "victim").put("waiting", true));

    await().atMost(WAIT).until(() -> lines().stream().filter(l -> l.equals("init rec")).count() == 2);
    assertThat(circus.eventsOf("plugin:rec", "reap")).first()
        .satisfies(e -> assertThat(e.getJsonObject("data").getInteger("exit_code")).isEqualTo(-9));
    assertThat(circus.call("list", new JsonObject()).getString("status")).isEqualTo("ok");
    circus.stop();
  }

  @Test
  void aPluginThatCannotStartIsTriedMaxRetryTimesThenStopped(Vertx vertx) throws IOException {
    PluginHarness circus = circus(vertx, "misbehave = fail-init");

    await().atMost(WAIT).until(() -> circus.count("plugin:rec", "spawn_error") == 2
        && circus.status("plugin:rec").equals("stopped"));
    assertThat(circus.eventsOf("plugin:rec", "spawn_error").get(0).getJsonObject("data").getString("error"))
        .contains("cannot start, as asked");
    assertThat(circus.status("grow")).isEqualTo("active");
    circus.stop();
  }

  @Test
  void killRestartsAPluginAfterItsHandleStop(Vertx vertx) throws IOException {
    PluginHarness circus = circus(vertx, "");
    await().atMost(WAIT).until(() -> lines().contains("incr ok 2"));

    circus.call("kill", new JsonObject().put("name", "plugin:rec").put("waiting", true));

    await().atMost(WAIT).until(() -> lines().stream().filter(l -> l.equals("init rec")).count() == 2);
    assertThat(lines()).contains("stop");
    circus.stop();
  }

  @Test
  void aReloadReCreatesAChangedPluginAndRemovesAPluginThatIsGone(Vertx vertx) throws IOException {
    PluginHarness circus = circus(vertx, "");
    await().atMost(WAIT).until(() -> lines().contains("incr ok 2"));
    String changed = "[watcher:grow]\ncmd = sleep 3600\n[watcher:victim]\ncmd = sleep 3600\nautostart = false\n"
        + "[plugin:rec]\nuse = io.circus.plugins.RecordingPlugin\nfile = " + record() + "\nsome_number = 2\n";

    ConfigDiff diff = Await.result(circus.arbiter.applyConfig(ConfigLoader.load(PluginHarness.write(dir, changed), Map.of())));

    assertThat(diff.pluginsChanged()).containsExactly("rec");
    await().atMost(WAIT).until(() -> lines().stream().filter(l -> l.equals("init rec")).count() == 2);
    assertThat(lines()).contains("stop");
    assertThat(circus.status("plugin:rec")).isEqualTo("active");

    String without = "[watcher:grow]\ncmd = sleep 3600\n[watcher:victim]\ncmd = sleep 3600\nautostart = false\n";
    Await.result(circus.arbiter.applyConfig(ConfigLoader.load(PluginHarness.write(dir, without), Map.of())));

    assertThat(circus.call("list", new JsonObject()).getJsonArray("watchers")).isEqualTo(new JsonArray(List.of("grow", "victim")));
    assertThat(lines()).endsWith("stop");
    circus.stop();
  }

  @Test
  void badPluginOptionsOrClassesStopTheDaemonBeforeItStarts(Vertx vertx) {
    assertThatThrownBy(() -> circus(vertx, "some_number = many")).isInstanceOfSatisfying(ConfigException.class,
        e -> assertThat(e.errors()).singleElement().satisfies(error -> {
          assertThat(error.section()).isEqualTo("plugin:rec");
          assertThat(error.option()).isEqualTo("some_number");
          assertThat(error.value()).isEqualTo("many");
          assertThat(error.expected()).contains("an integer");
        }));
    assertThatThrownBy(() -> new PluginHarness(vertx, dir, "[plugin:x]\nuse = no.such.Plugin\n"))
        .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.errors()).extracting(ConfigError::option)
            .containsExactly("use"));
    assertThatThrownBy(() -> new PluginHarness(vertx, dir, "[watcher:w]\ncmd = sleep 1\nhooks.before_start = java.lang.String\n"))
        .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.errors()).extracting(ConfigError::option)
            .containsExactly("hooks.before_start"));
  }
}
