package io.circus.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.circus.client.CircusClient;
import io.circus.client.ZmqCircusClient;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One plugin class from a jar of its own, run by bin/circusd from its configuration (in-process,
 * on the event bus) and by bin/circus-plugin (in its own process, over ZeroMQ): the same class,
 * the same behaviour.
 */
class PluginProcessTest {

  private static final Duration WAIT = Duration.ofSeconds(60);
  private static final String PLUGIN = "io.circus.plugins.RecordingPlugin";

  @TempDir
  Path dir;

  /** A jar holding only the test plugin, as a user's plugin jar would. */
  private Path pluginJar() throws IOException {
    return TestJars.of(dir, "recording-plugin.jar", "io/circus/plugins", "RecordingPlugin");
  }

  private static List<String> lines(Path file) throws IOException {
    return Files.exists(file) ? Files.readAllLines(file) : List.of();
  }

  @Test
  void theSamePluginRunsInCircusdFromItsConfigurationAndInItsOwnProcessOverZmq() throws Exception {
    Path jar = pluginJar();
    Path inProcess = dir.resolve("in-process.txt");
    Path ownProcess = dir.resolve("own-process.txt");
    Files.writeString(dir.resolve("circus.ini"), "[circus]\n" + CircusdProcess.FREE_ENDPOINTS + """
        [watcher:grow]
        cmd = sleep 3630

        [plugin:rec]
        use = %s
        file = %s
        """.formatted(PLUGIN, inProcess));
    Map<String, String> classpath = Map.of("CIRCUS_CLASSPATH", jar.toString());
    try (CircusdProcess circusd = CircusdProcess.start(dir, classpath, "circus.ini")) {
      CircusdProcess.Endpoints endpoints = circusd.awaitEndpoints();
      await().atMost(WAIT).until(() -> lines(inProcess).contains("incr ok 2"));
      assertThat(lines(inProcess)).startsWith("init rec").contains("watcher.grow.spawn", "watcher.grow.start");
      try (CircusClient circus = ZmqCircusClient.connect(endpoints.controller())) {
        assertThat(circus.list().join()).containsExactly("grow", "plugin:rec");
        assertThat(circus.status("plugin:rec").join()).isEqualTo("active");

        ProcessBuilder pluginCommand = new ProcessBuilder(Path.of("bin", "circus-plugin").toAbsolutePath().toString(),
            "--endpoint", endpoints.controller(), "--pubsub", endpoints.pubsub(),
            "--config", "file:" + ownProcess + ":::some_number:7", PLUGIN)
            .redirectErrorStream(true).redirectOutput(dir.resolve("circus-plugin.out").toFile());
        pluginCommand.environment().putAll(classpath);
        Process plugin = pluginCommand.start();
        try {
          await().atMost(WAIT).until(() -> lines(ownProcess).contains("init recordingplugin"));
          // events reach it over the events endpoint: a restart of grow, whose start makes it call incr
          await().atMost(WAIT).pollInterval(Duration.ofMillis(500)).until(() -> {
            circus.call("restart", new io.vertx.core.json.JsonObject().put("name", "grow").put("waiting", true)).join();
            return lines(ownProcess).contains("watcher.grow.start");
          });
          await().atMost(WAIT).until(() -> lines(ownProcess).contains("incr ok 3"));
          assertThat(lines(ownProcess)).contains("watcher.grow.kill", "watcher.grow.reap", "watcher.grow.spawn");
          assertThat(circus.numprocesses("grow").join()).isEqualTo(3);
        } finally {
          plugin.destroy();
          assertThat(plugin.waitFor(60, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(lines(ownProcess)).endsWith("stop");
      }
      circusd.signal("TERM");
      assertThat(circusd.waitForExit(WAIT)).isZero();
    }
    assertThat(lines(inProcess)).endsWith("stop");
  }

  @Test
  void circusPluginRefusesBadOptionsWithAClearError() throws Exception {
    Path jar = pluginJar();
    ProcessBuilder command = new ProcessBuilder(Path.of("bin", "circus-plugin").toAbsolutePath().toString(),
        "--config", "file:" + dir.resolve("x.txt") + ":::some_number:many", PLUGIN).redirectErrorStream(true);
    command.environment().put("CIRCUS_CLASSPATH", jar.toString());
    Process plugin = command.start();
    String output = new String(plugin.getInputStream().readAllBytes());

    assertThat(plugin.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(plugin.exitValue()).isEqualTo(1);
    assertThat(output).contains("some_number = \"many\": expected an integer");
  }
}
