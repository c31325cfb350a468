package io.circus.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.circus.client.CircusClient;
import io.circus.client.WatcherSelection;
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
 * examples/extending as its comments tell a user to run it: built by its build.sh, its hook and
 * plugin loaded by bin/circusd from CIRCUS_CLASSPATH.
 */
class ExtendingExampleTest {

  private static final Duration WAIT = Duration.ofSeconds(60);
  private static final Path EXAMPLE = Path.of("examples", "extending").toAbsolutePath();

  @TempDir
  Path dir;

  private static Path build() throws IOException, InterruptedException {
    Process build = new ProcessBuilder(EXAMPLE.resolve("build.sh").toString()).redirectErrorStream(true).start();
    String output = new String(build.getInputStream().readAllBytes());
    assertThat(build.waitFor(120, TimeUnit.SECONDS)).isTrue();
    assertThat(build.exitValue()).as(output).isZero();
    List<String> lines = output.lines().toList();
    return Path.of(lines.get(lines.size() - 1));
  }

  /** The example's configuration, with free endpoints and the ticker found from the test's directory. */
  private void configure() throws IOException {
    String ini = Files.readString(EXAMPLE.resolve("extending.ini"))
        .replaceAll("(?m)^endpoint = .*$", "endpoint = tcp://127.0.0.1:0")
        .replaceAll("(?m)^pubsub_endpoint = .*$", "pubsub_endpoint = tcp://127.0.0.1:0")
        .replace("examples/ticker.sh", Path.of("examples", "ticker.sh").toAbsolutePath().toString());
    Files.writeString(dir.resolve("circus.ini"), ini);
  }

  private List<String> audit() throws IOException {
    Path file = dir.resolve("exits.log");
    return Files.exists(file) ? Files.readAllLines(file) : List.of();
  }

  @Test
  void theExampleHookAndPluginWorkFromTheirJar() throws Exception {
    Path jar = build();
    configure();
    try (CircusdProcess circusd = CircusdProcess.start(dir, Map.of("CIRCUS_CLASSPATH", jar.toString()), "circus.ini");
        CircusClient circus = ZmqCircusClient.connect(circusd.awaitEndpoints().controller())) {
      await().atMost(WAIT).until(() -> circus.status().join(), s -> "active".equals(s.get("plugin:audit")));
      List<Long> tickers = await().atMost(WAIT).until(() -> circus.pids("ticker").join(), pids -> pids.size() == 2);

      CircusdProcess.signal(tickers.get(0), "KILL");
      await().atMost(WAIT).until(this::audit, lines -> lines.stream()
          .anyMatch(l -> l.matches(".* ticker pid " + tickers.get(0) + " exited with -9; numprocesses [12]")));

      Files.createFile(dir.resolve("ticker.maintenance"));
      circus.restart(WatcherSelection.named("ticker"), true).join();
      assertThat(circus.status("ticker").join()).isEqualTo("stopped");
      Files.delete(dir.resolve("ticker.maintenance"));
      circus.start(WatcherSelection.named("ticker"), true).join();
      assertThat(circus.status("ticker").join()).isEqualTo("active");

      circusd.signal("TERM");
      assertThat(circusd.waitForExit(WAIT)).isZero();
    }
  }
}
