package io.circus.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.circus.client.CircusClient;
import io.circus.client.EventSubscriber;
import io.circus.client.WatcherSelection;
import io.circus.client.ZmqCircusClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** circusd as its own process: start, configuration errors, signals, daemon mode, pid file. */
class CircusdLifecycleTest {

  private static final Duration EXIT = Duration.ofSeconds(60);

  @TempDir
  Path dir;

  /** Writes circus.ini: {@code text}, whose [circus] section (added if missing) binds free ports. */
  private Path config(String text) throws Exception {
    String withEndpoints = text.contains("[circus]\n")
        ? text.replace("[circus]\n", "[circus]\n" + CircusdProcess.FREE_ENDPOINTS)
        : "[circus]\n" + CircusdProcess.FREE_ENDPOINTS + "\n" + text;
    return Files.writeString(dir.resolve("circus.ini"), withEndpoints);
  }

  @Test
  void sigtermStopsEveryWatcherGracefullyAndExitsZeroWithNoChildLeft() throws Exception {
    Path stopped = dir.resolve("stopped");
    Files.writeString(dir.resolve("graceful.sh"), "trap 'echo $1 >> " + stopped + "; exit 0' TERM\n"
        + "sleep 3600 &\nwait\n");
    config("""
        [watcher:sleepers]
        cmd = sleep 3601
        numprocesses = 3

        [watcher:graceful]
        cmd = sh graceful.sh $(circus.wid)
        numprocesses = 2
        stop_children = true

        [watcher:probe]
        cmd = sleep 3602
        """);
    try (CircusdProcess circusd = CircusdProcess.start(dir, "circus.ini");
        EventSubscriber events = EventSubscriber.connect(circusd.awaitEndpoints().pubsub(), List.of("watcher."));
        CircusClient circus = ZmqCircusClient.connect(circusd.awaitEndpoints().controller())) {
      // The subscription is in effect once an event of a restart of the probe reaches it.
      await().atMost(Duration.ofSeconds(30)).until(() -> {
        circus.restart(WatcherSelection.named("probe"), true).join();
        return events.receive(Duration.ofMillis(500)).isPresent();
      });
      List<Long> pids = new ArrayList<>(circusd.awaitChildren("sleep 3601", 3));
      pids.addAll(circusd.awaitChildren("sh graceful.sh 1", 1));
      pids.addAll(circusd.awaitChildren("sh graceful.sh 2", 1));
      // A shell has set its trap once it has started its sleep: a TERM before that would kill it.
      for (long shell : pids.subList(3, 5)) {
        await().atMost(Duration.ofSeconds(30)).until(() -> CircusdProcess.commandLines(shell).containsValue("sleep 3600"));
      }
      List<Long> grandchildren = pids.stream().flatMap(p -> CircusdProcess.commandLines(p).keySet().stream()).toList();

      circusd.signal("TERM");

      assertThat(circusd.waitForExit(EXIT)).isZero();
      // The stop is published while the events endpoint still runs.
      List<String> topics = new ArrayList<>();
      for (var event = events.receive(Duration.ofSeconds(2)); event.isPresent(); event = events.receive(Duration.ofSeconds(2))) {
        topics.add(event.get().topic());
      }
      assertThat(topics).contains("watcher.sleepers.stop", "watcher.graceful.stop", "watcher.probe.stop");
      assertThat(pids).noneMatch(CircusdProcess::alive);
      await().atMost(Duration.ofSeconds(10)).until(() -> grandchildren.stream().noneMatch(CircusdProcess::alive));
      assertThat(Files.readAllLines(stopped)).containsExactlyInAnyOrder("1", "2");
    }
  }

  @Test
  void aBadConfigurationIsRefusedWithEveryErrorBeforeAnythingStarts() throws Exception {
    Path marker = dir.resolve("started");
    config("""
        [circus]
        check_delay = soon

        [watcher:fine]
        cmd = touch %s

        [watcher:broken]
        cmd = sleep 10
        numprocesses = three
        stop_signal = TERMINATE

        [watcher:nocmd]
        numprocesses = 1

        [watchers:typo]
        cmd = true
        """.formatted(marker));
    try (CircusdProcess circusd = CircusdProcess.start(dir, "circus.ini")) {
      assertThat(circusd.waitForExit(EXIT)).isEqualTo(1);
      assertThat(circusd.output()).contains(
          "circus.ini [circus] check_delay = \"soon\"",
          "circus.ini [watcher:broken] numprocesses = \"three\"",
          "circus.ini [watcher:broken] stop_signal = \"TERMINATE\"",
          "circus.ini [watcher:nocmd] cmd",
          "circus.ini [watchers:typo]");
      assertThat(marker).doesNotExist();
    }
  }

  @Test
  void aMissingConfigurationFileIsReported() throws Exception {
    try (CircusdProcess circusd = CircusdProcess.start(dir, "nowhere.ini")) {
      assertThat(circusd.waitForExit(EXIT)).isEqualTo(1);
      assertThat(circusd.output()).contains("the configuration file 'nowhere.ini' does not exist");
    }
  }

  @Test
  void daemonModeReturnsOnceUpAndTheDaemonRemovesItsPidFileAtExit() throws Exception {
    config("""
        [circus]
        logoutput = circusd.log

        [watcher:bg]
        cmd = sleep 3603
        numprocesses = 2
        """);
    Path pidfile = dir.resolve("circusd.pid");
    long daemon;
    try (CircusdProcess launcher = CircusdProcess.start(dir, "--daemon", "--pidfile", pidfile.toString(), "circus.ini")) {
      assertThat(launcher.waitForExit(EXIT)).isZero();
      assertThat(launcher.output()).contains("circusd started in the background");
    }
    daemon = Long.parseLong(Files.readString(pidfile).strip());
    try {
      assertThat(ProcessHandle.of(daemon)).isPresent();
      await().atMost(Duration.ofSeconds(30)).until(() -> CircusdProcess.commandLines(daemon).values().stream()
          .filter("sleep 3603"::equals).count() == 2);
      assertThat(CircusdProcess.commandLine(daemon)).contains("io.circus.cli.Circusd").doesNotContain("--daemon");

      CircusdProcess.signal(daemon, "TERM");

      await().atMost(EXIT).until(() -> ProcessHandle.of(daemon).isEmpty());
      assertThat(pidfile).doesNotExist();
      assertThat(Files.readString(dir.resolve("circusd.log"))).contains("circusd started with 1 watcher(s)");
    } finally {
      ProcessHandle.of(daemon).ifPresent(ProcessHandle::destroyForcibly);
    }
  }

  @Test
  void aPidFileHeldByALiveCircusdIsNotTakenOver() throws Exception {
    config("""
        [watcher:one]
        cmd = sleep 3604
        """);
    Path pidfile = dir.resolve("circusd.pid");
    try (CircusdProcess first = CircusdProcess.start(dir, "--pidfile", pidfile.toString(), "circus.ini")) {
      first.awaitChildren("sleep 3604", 1);
      try (CircusdProcess second = CircusdProcess.start(dir, "--pidfile", pidfile.toString(), "circus.ini")) {
        assertThat(second.waitForExit(EXIT)).isEqualTo(1);
        assertThat(second.output()).contains("is another circusd running?");
        assertThat(second.children()).isEmpty();
      }
      assertThat(Files.readString(pidfile).strip()).isEqualTo(Long.toString(first.pid()));
      first.signal("TERM");
      assertThat(first.waitForExit(EXIT)).isZero();
    }
  }

  @Test
  void logLevelAndLogOutputOptionsSendTheLogToAFile() throws Exception {
    config("""
        [watcher:quiet]
        cmd = sleep 3605
        """);
    Path log = dir.resolve("debug.log");
    try (CircusdProcess circusd = CircusdProcess.start(dir, "--log-level", "debug", "--log-output", log.toString(), "circus.ini")) {
      circusd.awaitChildren("sleep 3605", 1);
      circusd.signal("INT");
      assertThat(circusd.waitForExit(EXIT)).isZero();
    }
    assertThat(Files.readString(log)).contains("circusd started", "SIGINT: stopping every watcher");
  }
}
