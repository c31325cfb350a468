package io.circus.cli.top;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.circus.client.EventSubscriber;
import io.circus.testing.StreamingDaemon;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.jline.terminal.Size;
import org.jline.terminal.impl.ExternalTerminal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** circus-top: its board, its screen, and a session on a terminal fed by a real stats endpoint. */
@ExtendWith(VertxExtension.class)
class CircusTopTest {

  private static final long SECOND = 1_000_000_000L;

  @TempDir
  Path directory;

  private static JsonObject process(int pid, double cpu, String name) {
    return new JsonObject().put("cpu", cpu).put("mem", 0.5).put("age", 12.0).put("pid", pid).put("name", name);
  }

  private static JsonObject aggregate(double cpu, int... pids) {
    JsonArray list = new JsonArray();
    for (int pid : pids) {
      list.add(pid);
    }
    return new JsonObject().put("pid", list).put("cpu", cpu).put("mem", 1.0).put("age", 12.0);
  }

  /** A process line as Circus lays it out: the figures at columns 29, 49 and 69. */
  private static String columns(String pid, String cpu, String mem, String age) {
    return String.format("%-29s%-20s%-20s%s", pid, cpu, mem, age);
  }

  @Test
  void eachWatcherShowsItsBusiestProcessesFirstThenItsAggregate() {
    StatsBoard board = new StatsBoard(3 * SECOND);
    board.accept("stat.web-app.11", process(11, 9.0, null), 0);
    board.accept("stat.web-app.12", process(12, 10.0, null), 0);
    board.accept("stat.web-app", aggregate(9.5, 11, 12), 0);
    board.accept("stat.circus.7", process(7, 1.0, "circusd"), 0);
    board.accept("stat.circusd-stats.8", process(8, 1.0, null), 0);

    List<String> screen = TopScreen.render(board, 100, 24);

    assertThat(screen.get(0)).startsWith(TopScreen.TITLE);
    assertThat(screen).containsSubsequence("circus", columns("  7 (circusd)", "1.00", "0.50", "12.00"), "web.app",
        "   PID" + " ".repeat(22) + "CPU (%)" + " ".repeat(13) + "MEMORY (%)" + " ".repeat(10) + "AGE (s)",
        columns("  12", "10.00", "0.50", "12.00"), columns("  11", "9.00", "0.50", "12.00"),
        columns("", "9.50 (avg)", "1.00 (sum)", "12.00 (older)"));
    assertThat(String.join("\n", screen)).doesNotContain("circusd-stats").doesNotContain("circusd.stats");
    assertThat(screen).allMatch(line -> line.length() < 100);
    assertThat(TopScreen.render(board, 80, 24)).as("cut at the last column").allMatch(line -> line.length() < 80);
  }

  @Test
  void socketsShowTheirReadsPerAddressAndTheSum() {
    StatsBoard board = new StatsBoard(3 * SECOND);
    board.accept("stat.sockets.5", new JsonObject().put("fd", 5).put("reads", 2).put("address", "127.0.0.1:8080"), 0);
    board.accept("stat.sockets", new JsonObject().put("addresses", new JsonArray().add("127.0.0.1:8080")).put("reads", 2), 0);

    assertThat(TopScreen.render(board, 80, 24)).containsSubsequence("sockets",
        "   ADDRESS" + " ".repeat(18) + "HITS", String.format("%-29s%3d", "  127.0.0.1:8080", 2), " ".repeat(29) + "  2 (sum)");
  }

  @Test
  void whatIsNotRefreshedWithinTheTimeoutGoesAndSoDoesASilentGroup() {
    StatsBoard board = new StatsBoard(3 * SECOND);
    board.accept("stat.web.11", process(11, 1.0, null), 0);
    board.accept("stat.web.12", process(12, 1.0, null), 0);
    board.accept("stat.web", aggregate(1.0, 11, 12), 0);
    board.accept("stat.db.13", process(13, 1.0, null), 0);
    board.accept("stat.web.12", process(12, 1.0, null), 2 * SECOND);
    board.accept("stat.web", aggregate(1.0, 12), 2 * SECOND);

    board.expire(4 * SECOND);

    assertThat(board.groups()).containsOnlyKeys("web");
    assertThat(board.groups().get("web").members()).extracting(m -> m.getInteger("pid")).containsExactly(12);
    assertThat(TopScreen.render(new StatsBoard(SECOND), 80, 24).get(1)).isEqualTo(TopScreen.WAITING);
  }

  @Test
  void aSessionShowsLiveFiguresFromAStatsEndpointAndQuitsOnQ(Vertx vertx) throws Exception {
    StreamingDaemon daemon = StreamingDaemon.start(vertx, "tcp://127.0.0.1:0", directory);
    PipedOutputStream keyboard = new PipedOutputStream();
    ByteArrayOutputStream screen = new ByteArrayOutputStream();
    try (PipedInputStream keys = new PipedInputStream(keyboard);
        ExternalTerminal terminal = new ExternalTerminal("test", "xterm", keys, screen, StandardCharsets.UTF_8);
        EventSubscriber stream = EventSubscriber.connect(daemon.endpoint(), List.of("stat."))) {
      terminal.setSize(new Size(100, 30));
      CompletableFuture<Void> session = CompletableFuture.runAsync(() -> {
        try {
          new TopSession(terminal, stream, Duration.ofSeconds(3)).run();
        } catch (IOException e) {
          throw new IllegalStateException(e);
        }
      });

      await().atMost(Duration.ofSeconds(30)).until(() -> shown(screen).contains("alpha")
          && shown(screen).contains(Integer.toString(daemon.pid())) && shown(screen).contains("(circusd)"));
      assertThat(session).isNotDone();
      keyboard.write('q');
      keyboard.flush();

      session.get(30, TimeUnit.SECONDS);
    }
  }

  private static String shown(ByteArrayOutputStream screen) {
    synchronized (screen) {
      return screen.toString(StandardCharsets.UTF_8);
    }
  }
}
