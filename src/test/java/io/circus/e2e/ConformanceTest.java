package io.circus.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The conformance suite: every request of the Circus 0.19 corpus (commands/*.json, envelope.json,
 * events.json) replayed in its session's seq order against bin/circusd started on that session's
 * configuration (endpoints and ports moved to free ones), each reply and events.json's events
 * compared with the recorded ones. An entry that differs must be listed, with its reason, in
 * {@code src/test/resources/conformance/deviations.txt}; a listed entry that no longer differs fails
 * too, so that the list stays true.
 */
class ConformanceTest {

  private static final Duration EXIT = Duration.ofSeconds(60);
  private static final String CONFIG = "circus.ini";

  private static Corpus corpus;
  private static Deviations deviations;

  @TempDir
  Path dir;

  /** The free port standing for each port of the corpus's configs (25555-25558). */
  private final Map<String, String> freePorts = new HashMap<>();

  @BeforeAll
  static void load() {
    corpus = Corpus.load();
    deviations = Deviations.load(corpus);
  }

  @Test
  void session1EveryCommandTheEnvelopeAndTheEventsOnCircusIni() throws Exception {
    String original = Corpus.config("circus.ini");
    assertConforms(1, original, new CorpusReplay.Script() {
      @Override
      public void before(Corpus.Step step, CorpusReplay replay) throws IOException {
        // The capture edited circus.ini before these reloadconfig requests, as their notes say.
        switch (step.seq()) {
          case 158 -> edit(text -> text.replace("args = 3601\n", "args = 3601\nnumprocesses = 2\n"));
          case 160 -> edit(text -> text.replace("args = 3601\nnumprocesses = 2\n", "args = 3601\nnumprocesses = 1\n")
              .replace("cmd = sleep 3600\n", "cmd = sleep 3700\n"));
          case 163 -> edit(text -> rewritten(original));
          default -> {
          }
        }
      }

      @Override
      public void after(Corpus.Step step, CorpusReplay replay) {
        switch (step.seq()) {
          // Circus refused this incr (its daemon-wide lock); here it ran: undo it.
          case 150 -> call(replay, "decr", new JsonObject().put("name", "alpha").put("waiting", true));
          // Circus's reloadconfig dropped the run-time watcher stubborn; here it survives (README): drop it.
          case 157 -> call(replay, "rm", new JsonObject().put("name", "stubborn").put("waiting", true));
          // Circus kept beta's 2 processes when the file went back to 1; here the file applies: back to 2.
          case 162 -> call(replay, "incr", new JsonObject().put("name", "beta").put("waiting", true));
          default -> {
          }
        }
      }

      @Override
      public boolean concurrent(Corpus.Step step) {
        return Set.of(150, 151).contains(step.seq()); // sent while the stop of seq 149 waits for graceful_timeout
      }
    });
  }

  @Test
  void session2FlappingPluginAndWholeArbiterRestart() throws Exception {
    // The status of seq 203 was taken after a minute of flapping: here, once the plugin has stopped flappy.
    assertConforms(2, Corpus.config("circus-flapping.ini"), CorpusReplay.Script.before(203, replay ->
        await("the flapping plugin to stop flappy").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(50))
            .until(() -> replay.events().firstUnused(0, "watcher.flappy.stop").isPresent())));
  }

  @Test
  void session4StopDuringACheckStallProbesAndQuitWithWaiting() throws Exception {
    // The stop of seq 206 was sent the moment a watcher.flappy.reap event arrived.
    assertConforms(4, Corpus.config("circus-lock.ini"), CorpusReplay.Script.before(206, replay -> {
      int mark = replay.events().mark();
      await("a reap of flappy").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(5))
          .until(() -> replay.events().firstUnused(mark, "watcher.flappy.reap").isPresent());
    }));
  }

  @Test
  void session5SetAndAddCornerCases() throws Exception {
    assertConforms(5, Corpus.config("circus.ini"), CorpusReplay.Script.NONE);
  }

  @Test
  void session6WholeArbiterRestartForgetsRunTimeWatchers() throws Exception {
    // The run-time watcher "temp" the notes of seq 230 speak of.
    assertConforms(6, Corpus.config("circus.ini"), CorpusReplay.Script.before(230, replay -> call(replay, "add",
        new JsonObject().put("name", "temp").put("cmd", "sleep 3612").put("start", true).put("waiting", true))));
  }

  @Test
  void session7ReloadconfigWithChangedDaemonSettings() throws Exception {
    // Seq 232 comes "after changing check_delay in [circus] (and alpha's cmd)".
    assertConforms(7, Corpus.config("circus.ini"), CorpusReplay.Script.before(232, replay -> edit(text -> text
        .replace("check_delay = 5\n", "check_delay = 7\n").replace("cmd = sleep 3600\n", "cmd = sleep 3700\n"))));
  }

  /** A request of the test's own (setup, or undoing a deliberate deviation), which must succeed. */
  private static void call(CorpusReplay replay, String command, JsonObject properties) {
    JsonObject reply = replay.call(new JsonObject().put("command", command).put("properties", properties));
    assertThat(reply.getString("status")).as(reply.encode()).isEqualTo("ok");
  }

  private void assertConforms(int session, String config, CorpusReplay.Script script) throws Exception {
    for (String port : List.of("25555", "25556", "25557", "25558")) {
      freePorts.put(port, Integer.toString(freePort()));
    }
    Files.writeString(dir.resolve(CONFIG), rewritten(config), StandardCharsets.UTF_8);
    List<CorpusReplay.Verdict> verdicts;
    try (CircusdProcess circusd = CircusdProcess.start(dir, "--log-output", "-", CONFIG)) {
      Map<String, Object> known = Map.of("<port>", Integer.parseInt(freePorts.get("25558")),
          "<stats_endpoint>", "tcp://127.0.0.1:" + freePorts.get("25557"), "<rundir>", dir.toString());
      try (CorpusReplay replay = new CorpusReplay(circusd, known, deviations, session)) {
        verdicts = replay.replay(corpus.steps(session), script);
      }
      stop(circusd);
    }
    // Every difference, listed or not, for whoever updates the list.
    verdicts.stream().filter(v -> !v.matches()).forEach(v -> System.out.println("DIFFERS " + v.entry().id() + " seq "
        + v.entry().seq() + ": " + v.difference()));
    String unexpected = verdicts.stream().filter(v -> !v.matches() && !deviations.listed(v.entry().id()))
        .map(v -> v.entry().id() + " (seq " + v.entry().seq() + "): " + v.difference()).collect(Collectors.joining("\n"));
    String stale = verdicts.stream().filter(v -> v.matches() && deviations.listed(v.entry().id())
            && !deviations.get(v.entry().id()).mayMatch())
        .map(v -> v.entry().id() + " (seq " + v.entry().seq() + ") " + deviations.get(v.entry().id()).reason())
        .collect(Collectors.joining("\n"));
    SoftAssertions.assertSoftly(soft -> {
      soft.assertThat(unexpected).as("entries of session %d that differ from Circus 0.19 without being listed in %s",
          session, Deviations.FILE).isEmpty();
      soft.assertThat(stale).as("entries of session %d listed in %s that no longer differ (remove them from the list)",
          session, Deviations.FILE).isEmpty();
    });
  }

  /** The corpus's config with free ports for the endpoints and the socket (25555-25558 in the corpus). */
  private String rewritten(String config) {
    String result = config;
    for (Map.Entry<String, String> port : freePorts.entrySet()) {
      result = result.replace("127.0.0.1:" + port.getKey(), "127.0.0.1:" + port.getValue())
          .replace("port = " + port.getKey(), "port = " + port.getValue());
    }
    return result;
  }

  private void edit(UnaryOperator<String> change) throws IOException {
    Path file = dir.resolve(CONFIG);
    Files.writeString(file, change.apply(Files.readString(file, StandardCharsets.UTF_8)), StandardCharsets.UTF_8);
  }

  private static void stop(CircusdProcess circusd) throws Exception {
    if (CircusdProcess.alive(circusd.pid())) {
      circusd.signal("TERM");
    }
    circusd.waitForExit(EXIT);
    await("circusd's children to be gone").atMost(EXIT).until(() -> circusd.children().isEmpty());
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }
}
