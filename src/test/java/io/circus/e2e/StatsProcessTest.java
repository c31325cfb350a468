package io.circus.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.circus.client.CircusEvent;
import io.circus.client.EventSubscriber;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** bin/circusd with statsd: its stats endpoint streams the records of its processes and its own. */
class StatsProcessTest {

  private static final Duration EXIT = Duration.ofSeconds(60);

  @TempDir
  Path dir;

  @Test
  void statsdStreamsTheProcessesOnTheStatsEndpoint() throws Exception {
    Files.writeString(dir.resolve("circus.ini"), "[circus]\n" + CircusdProcess.FREE_ENDPOINTS
        + "statsd = true\nstats_endpoint = tcp://127.0.0.1:0\n\n[watcher:web]\ncmd = sleep 3640\n");
    try (CircusdProcess circusd = CircusdProcess.start(dir, "circus.ini")) {
      long pid = circusd.awaitChildren("sleep 3640", 1).get(0);
      String endpoint = circusd.awaitStatsEndpoint();

      try (EventSubscriber stream = EventSubscriber.connect(endpoint, List.of("stat."))) {
        assertThat(next(stream, "stat.web." + pid).data().getString("cmdline")).isEqualTo("sleep");
        assertThat(next(stream, "stat.circus." + circusd.pid()).data().getString("name")).isEqualTo("circusd");
      }
      assertThat(circusd.output()).doesNotContain("statsd: accepted, but not applied");

      circusd.signal("TERM");
      assertThat(circusd.waitForExit(EXIT)).isZero();
    }
  }

  /** The next message on {@code topic}, within 30 s. */
  private static CircusEvent next(EventSubscriber stream, String topic) {
    Instant deadline = Instant.now().plusSeconds(30);
    while (Instant.now().isBefore(deadline)) {
      Optional<CircusEvent> message = stream.receive(Duration.ofSeconds(1));
      if (message.isPresent() && message.get().topic().equals(topic)) {
        return message.get();
      }
    }
    throw new AssertionError("no " + topic + " within 30 s");
  }
}
