package io.circus.arbiter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.circus.config.WatcherSpec;
import io.circus.process.ExitStatus;
import io.circus.process.SpawnException;
import io.circus.process.Signals;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The watcher state machine against a launcher without real processes. */
@ExtendWith(VertxExtension.class)
class WatcherTest {

  private FakeRuntime fake;
  private FakeLauncher launcher;
  private RecordedEvents events;

  @BeforeEach
  void setUp(Vertx vertx) {
    fake = new FakeRuntime(vertx);
    launcher = fake.launcher;
    events = fake.events;
  }

  @AfterEach
  void tearDown() {
    fake.close();
  }

  private Watcher watcher(WatcherSpec.Builder spec) {
    return fake.watcher(spec);
  }

  private static WatcherSpec.Builder spec(String name) {
    return WatcherSpec.builder(name).cmd("sleep 3600");
  }

  @Test
  void startSpawnsEveryProcessThenPublishesStart() {
    Watcher web = watcher(spec("web").numprocesses(3));

    ProcessChanges changes = Await.result(web.start());

    assertThat(changes.started()).hasSize(3);
    assertThat(web.snapshot().state()).isEqualTo(WatcherState.ACTIVE);
    assertThat(web.snapshot().processes()).extracting(ProcessInfo::wid).containsExactlyInAnyOrder(1, 2, 3);
    assertThat(events.names()).containsExactly("spawn", "spawn", "spawn", "start");
  }

  @Test
  void stopSignalsEveryProcessAndPublishesStopOnceAllAreReaped() {
    Watcher web = watcher(spec("web").numprocesses(2).stopSignal(Signals.SIGINT));
    List<Integer> pids = Await.result(web.start()).started();
    events.clear();

    Await.result(web.stop());

    assertThat(web.snapshot().state()).isEqualTo(WatcherState.STOPPED);
    assertThat(launcher.signals()).containsExactlyInAnyOrder(pids.get(0) + ":2", pids.get(1) + ":2");
    assertThat(events.names()).containsExactlyInAnyOrder("kill", "kill", "reap", "reap", "stop");
    assertThat(events.names().get(events.names().size() - 1)).isEqualTo("stop");
    assertThat(events.named("reap")).allSatisfy(e -> assertThat(e.data().getInteger("exit_code")).isEqualTo(-2));
  }

  @Test
  void aProcessThatDiesIsReplacedAtOnceWithTheSameWid() {
    Watcher web = watcher(spec("web").numprocesses(2));
    Await.result(web.start());
    ProcessInfo victim = web.snapshot().processes().get(1);

    launcher.exit(victim.pid(), ExitStatus.killed(Signals.SIGKILL));

    await().atMost(Duration.ofSeconds(5)).until(() -> web.snapshot().processes().size() == 2
        && !web.snapshot().pids().contains(victim.pid()));
    ProcessInfo replacement = web.snapshot().processes().get(1);
    assertThat(replacement.wid()).isEqualTo(victim.wid());
    assertThat(events.named("reap")).singleElement()
        .satisfies(e -> assertThat(e.data().getInteger("exit_code")).isEqualTo(-9));
  }

  @Test
  void aProcessIgnoringTheStopSignalIsKilledAfterGracefulTimeout() {
    launcher.ignoreSignal(Signals.SIGTERM);
    Watcher web = watcher(spec("web").gracefulTimeout(0.2));
    int pid = Await.result(web.start()).started().get(0);

    Await.result(web.stop());

    assertThat(launcher.signals()).containsExactly(pid + ":15", pid + ":9");
    assertThat(events.names()).containsSubsequence("kill", "kill", "reap", "stop");
    assertThat(events.named("reap").get(0).data().getInteger("exit_code")).isEqualTo(-9);
  }

  @Test
  void aProgramThatCannotStartIsTriedMaxRetryTimesThenTheWatcherStops() {
    launcher.failSpawns(new SpawnException(2, "cannot execute 'nope': No such file or directory"));
    Watcher web = watcher(spec("web").maxRetry(3));

    Await.result(web.start());

    assertThat(web.snapshot().state()).isEqualTo(WatcherState.STOPPED);
    assertThat(events.named("spawn_error")).hasSize(3).allSatisfy(e -> {
      assertThat(e.data().getInteger("errno")).isEqualTo(2);
      assertThat(e.data().getString("error")).contains("No such file or directory");
    });
    assertThat(events.names()).endsWith("stop");
    assertThat(launcher.requests()).hasSize(3);
  }

  @Test
  void maxRetryMinusOneKeepsTryingUntilTheProgramCanStart() {
    launcher.failSpawns(new SpawnException(13, "Permission denied"));
    Watcher web = watcher(spec("web").maxRetry(-1));
    var started = web.start();

    await().atMost(Duration.ofSeconds(5)).until(() -> events.count("spawn_error") >= 4);
    launcher.failSpawns(null);

    assertThat(Await.result(started).started()).hasSize(1);
    assertThat(web.snapshot().state()).isEqualTo(WatcherState.ACTIVE);
  }

  @Test
  void loweringNumprocessesStopsTheOldestProcesses() {
    Watcher web = watcher(spec("web").numprocesses(3));
    List<Integer> pids = List.copyOf(web.snapshot().pids());
    Await.result(web.start());
    List<Integer> started = web.snapshot().pids();

    assertThat(Await.result(web.setNumprocesses(1))).isEqualTo(1);

    assertThat(pids).isEmpty();
    assertThat(web.snapshot().pids()).containsExactly(started.get(2));
  }

  @Test
  void raisingNumprocessesSpawnsTheMissingProcesses() {
    Watcher web = watcher(spec("web").numprocesses(1));
    Await.result(web.start());

    Await.result(web.setNumprocesses(4));

    assertThat(web.snapshot().processes()).extracting(ProcessInfo::wid).containsExactlyInAnyOrder(1, 2, 3, 4);
  }

  @Test
  void gracefulReloadStartsTheNewProcessesBeforeStoppingTheOldOnes() {
    Watcher web = watcher(spec("web").numprocesses(2));
    List<Integer> old = Await.result(web.start()).started();
    events.clear();

    ProcessChanges changes = Await.result(web.reload(true, false));

    assertThat(changes.stopped()).containsExactlyInAnyOrderElementsOf(old);
    assertThat(changes.started()).hasSize(2).doesNotContainAnyElementsOf(old);
    List<String> names = events.names();
    assertThat(names.subList(0, 2)).containsExactly("spawn", "spawn");
    assertThat(names).endsWith("reload");
  }

  @Test
  void sequentialReloadReplacesProcessesOneAtATime() {
    Watcher web = watcher(spec("web").numprocesses(2));
    Await.result(web.start());
    events.clear();

    Await.result(web.reload(true, true));

    assertThat(events.names()).containsExactly("kill", "reap", "spawn", "kill", "reap", "spawn", "reload");
  }

  @Test
  void reloadWithSendHupOnlySignalsTheProcesses() {
    launcher.ignoreSignal(Signals.SIGHUP);
    Watcher web = watcher(spec("web").numprocesses(2).sendHup(true));
    List<Integer> pids = Await.result(web.start()).started();
    events.clear();

    ProcessChanges changes = Await.result(web.reload(true, false));

    assertThat(changes.kept()).containsExactlyInAnyOrderElementsOf(pids);
    assertThat(launcher.signals()).containsExactlyInAnyOrder(pids.get(0) + ":1", pids.get(1) + ":1");
    assertThat(events.names()).containsExactly("reload");
  }

  @Test
  void withoutRespawnTheWatcherStopsWhenItsLastProcessDies() {
    Watcher job = watcher(spec("job").respawn(false));
    int pid = Await.result(job.start()).started().get(0);

    launcher.exit(pid, ExitStatus.exited(0));

    await().atMost(Duration.ofSeconds(5)).until(() -> job.snapshot().state() == WatcherState.STOPPED);
    assertThat(events.names()).containsExactly("spawn", "start", "reap", "stop");
  }

  @Test
  void killStopsProcessesWithTheGivenSignalAndTheWatcherReplacesThem() {
    Watcher web = watcher(spec("web").numprocesses(1));
    int pid = Await.result(web.start()).started().get(0);

    Await.result(web.kill(null, Signals.SIGKILL, null));

    assertThat(launcher.signals()).containsExactly(pid + ":9");
    await().atMost(Duration.ofSeconds(5)).until(() -> web.snapshot().pids().size() == 1
        && !web.snapshot().pids().contains(pid));
    assertThat(web.snapshot().state()).isEqualTo(WatcherState.ACTIVE);
  }

  @Test
  void aStopCutsShortAStartThatIsStillWarmingUp() {
    Watcher slow = watcher(spec("slow").numprocesses(50).warmupDelay(0.05));
    var starting = slow.start();

    await().atMost(Duration.ofSeconds(5)).until(() -> events.count("spawn") >= 2);
    Await.result(slow.stop());
    Await.result(starting);

    assertThat(slow.snapshot().state()).isEqualTo(WatcherState.STOPPED);
    assertThat(events.count("spawn")).isLessThan(50);
    assertThat(events.count("start")).isZero();
    assertThat(launcher.alivePids()).isEmpty();
  }

  @Test
  void maxAgeReplacesAProcessStartingTheNewOneFirst() {
    Watcher web = watcher(spec("web").maxAge(1).maxAgeVariance(0));
    int first = Await.result(web.start()).started().get(0);
    events.clear();

    await().atMost(Duration.ofSeconds(5)).until(() -> !web.snapshot().pids().contains(first)
        && web.snapshot().pids().size() == 1);

    assertThat(events.names()).startsWith("spawn", "kill");
  }

  @Test
  void operationsOnOneWatcherDoNotWaitForAnother() {
    launcher.ignoreSignal(Signals.SIGTERM);
    Watcher stubborn = watcher(spec("stubborn").gracefulTimeout(2));
    Await.result(stubborn.start());
    launcher.ignoreSignal(0);
    Watcher other = watcher(spec("other"));

    var stopping = stubborn.stop();
    Await.result(other.start());

    assertThat(stopping.isComplete()).isFalse();
    assertThat(stubborn.snapshot().state()).isEqualTo(WatcherState.STOPPING);
    assertThat(other.snapshot().state()).isEqualTo(WatcherState.ACTIVE);
    Await.result(stopping);
    Await.result(other.stop());
  }
}
