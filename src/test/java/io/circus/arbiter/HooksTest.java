package io.circus.arbiter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.circus.config.HookSpec;
import io.circus.config.WatcherSpec;
import io.circus.process.Signals;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Watcher hooks: when each runs, with what, what its verdict does, failures and time-outs. */
@ExtendWith(VertxExtension.class)
class HooksTest {

  private FakeRuntime fake;
  private FakeLauncher launcher;
  private RecordedEvents events;

  @BeforeEach
  void setUp(Vertx vertx) {
    TestHooks.reset();
    fake = new FakeRuntime(vertx);
    launcher = fake.launcher;
    events = fake.events;
  }

  @AfterEach
  void tearDown() {
    TestHooks.reset();
    fake.close();
  }

  private Watcher watcher(WatcherSpec.Builder spec) {
    return fake.watcher(spec);
  }

  private static WatcherSpec.Builder web() {
    return WatcherSpec.builder("web").cmd("sleep 3600");
  }

  private static HookSpec hook(Class<? extends Hook> type) {
    return new HookSpec(type.getName(), false);
  }

  private static WatcherSpec.Builder withEveryHook(Class<? extends Hook> type) {
    WatcherSpec.Builder spec = web();
    for (String name : new String[] {"before_start", "after_start", "before_spawn", "after_spawn", "before_stop",
        "after_stop", "before_signal", "after_signal", "before_reap", "after_reap"}) {
      spec.hook(name, hook(type));
    }
    return spec;
  }

  @Test
  void everyHookRunsAtItsStepWithCircusDetails() {
    Watcher watcher = watcher(withEveryHook(TestHooks.Yes.class));

    int pid = Await.result(watcher.start()).started().get(0);
    assertThat(TestHooks.CALLS).containsExactly("before_start {}", "before_spawn {}", "after_spawn {\"pid\":" + pid + "}",
        "after_start {}");
    TestHooks.CALLS.clear();
    Await.result(watcher.stop());

    assertThat(TestHooks.CALLS).containsExactly("before_stop {}",
        "before_signal {\"pid\":" + pid + ",\"signum\":15}", "after_signal {\"pid\":" + pid + ",\"signum\":15}",
        "before_reap {\"process_pid\":" + pid + "}", "after_reap {\"process_pid\":" + pid + ",\"exit_code\":-15}",
        "after_stop {}");
    assertThat(events.named("hook_success")).hasSize(10)
        .allSatisfy(e -> assertThat(e.data().fieldNames()).containsExactlyInAnyOrder("name", "time"));
    assertThat(events.named("hook_success").get(0).data().getString("name")).isEqualTo("before_start");
  }

  @Test
  void noFromBeforeStartLeavesTheWatcherStopped() {
    Watcher watcher = watcher(web().hook("before_start", hook(TestHooks.No.class)));

    Await.result(watcher.start());

    assertThat(watcher.snapshot().state()).isEqualTo(WatcherState.STOPPED);
    assertThat(launcher.requests()).isEmpty();
    assertThat(events.names()).containsExactly("hook_success");
  }

  @Test
  void noFromBeforeSpawnStopsTheWatcherWithoutSpawning() {
    Watcher watcher = watcher(web().numprocesses(2).hook("before_spawn", hook(TestHooks.No.class)));

    Await.result(watcher.start());

    assertThat(watcher.snapshot().state()).isEqualTo(WatcherState.STOPPED);
    assertThat(launcher.requests()).isEmpty();
    assertThat(events.names()).doesNotContain("spawn", "start");
  }

  @Test
  void noFromAfterSpawnStopsTheProcessAndTheWatcher() {
    Watcher watcher = watcher(web().hook("after_spawn", hook(TestHooks.No.class)));

    Await.result(watcher.start());

    assertThat(watcher.snapshot().state()).isEqualTo(WatcherState.STOPPED);
    assertThat(watcher.snapshot().processes()).isEmpty();
    assertThat(launcher.alivePids()).isEmpty();
    assertThat(events.names()).contains("spawn", "kill", "reap").doesNotContain("start");
  }

  @Test
  void noFromAfterStartStopsTheWatcher() {
    Watcher watcher = watcher(web().numprocesses(2).hook("after_start", hook(TestHooks.No.class)));

    Await.result(watcher.start());

    assertThat(watcher.snapshot().state()).isEqualTo(WatcherState.STOPPED);
    assertThat(launcher.alivePids()).isEmpty();
    assertThat(events.names()).doesNotContain("start").endsWith("stop");
  }

  @Test
  void beforeSignalVetoesTheStopSignalButNeverSigkill() {
    Watcher watcher = watcher(web().gracefulTimeout(0.3).hook("before_signal", hook(TestHooks.No.class)));
    int pid = Await.result(watcher.start()).started().get(0);

    Await.result(watcher.stop());

    assertThat(launcher.signals()).containsExactly(pid + ":" + Signals.SIGKILL);
    assertThat(events.named("kill")).hasSize(1);
    assertThat(events.named("reap").get(0).data().getInteger("exit_code")).isEqualTo(-Signals.SIGKILL);
    assertThat(TestHooks.CALLS).containsExactly("before_signal {\"pid\":" + pid + ",\"signum\":15}",
        "before_signal {\"pid\":" + pid + ",\"signum\":9}");
  }

  @Test
  void beforeSignalAlsoGuardsTheSignalCommand() {
    Watcher watcher = watcher(web().hook("before_signal", hook(TestHooks.No.class)));
    int pid = Await.result(watcher.start()).started().get(0);

    Await.result(watcher.signal(Signals.SIGHUP, null, null, false, false));

    assertThat(launcher.signals()).isEmpty();
    assertThat(TestHooks.CALLS).containsExactly("before_signal {\"pid\":" + pid + ",\"signum\":1}");
    Await.result(watcher.signal(Signals.SIGKILL, pid, null, false, false));
    assertThat(launcher.signals()).containsExactly(pid + ":" + Signals.SIGKILL);
  }

  @Test
  void aFailingBeforeStartAbortsTheStartAndIsPublished() {
    Watcher watcher = watcher(web().hook("before_start", hook(TestHooks.Fails.class)));

    Await.result(watcher.start());

    assertThat(watcher.snapshot().state()).isEqualTo(WatcherState.STOPPED);
    assertThat(events.named("hook_failure")).singleElement().satisfies(e -> {
      assertThat(e.data().getString("name")).isEqualTo("before_start");
      assertThat(e.data().getString("error")).isEqualTo("redis is not there");
      assertThat(e.data().getDouble("time")).isPositive();
    });
  }

  @Test
  void aFailureIsIgnoredWhenTheHookSaysSo() {
    Watcher watcher = watcher(web().hook("before_start", new HookSpec(TestHooks.Fails.class.getName(), true)));

    Await.result(watcher.start());

    assertThat(watcher.snapshot().state()).isEqualTo(WatcherState.ACTIVE);
    assertThat(events.names()).containsSubsequence("hook_failure", "spawn", "start");
  }

  @Test
  void failuresDuringTheStopDoNotAbortIt() {
    Watcher watcher = watcher(web().hook("before_stop", hook(TestHooks.Fails.class))
        .hook("before_signal", hook(TestHooks.Fails.class)).hook("after_stop", hook(TestHooks.Fails.class)));
    int pid = Await.result(watcher.start()).started().get(0);

    Await.result(watcher.stop());

    assertThat(watcher.snapshot().state()).isEqualTo(WatcherState.STOPPED);
    assertThat(launcher.signals()).containsExactly(pid + ":15");
    assertThat(events.named("hook_failure")).extracting(e -> e.data().getString("name"))
        .containsExactly("before_stop", "before_signal", "after_stop");
  }

  @Test
  void aHangingHookTimesOutAndCountsAsFailed() {
    Watcher watcher = watcher(web().hooksTimeout(0.5).hook("before_start", hook(TestHooks.Hangs.class)));

    Await.result(watcher.start());

    assertThat(watcher.snapshot().state()).isEqualTo(WatcherState.STOPPED);
    assertThat(events.named("hook_failure")).singleElement()
        .satisfies(e -> assertThat(e.data().getString("error")).contains("timed out after 0.5 s"));
    assertThat(TestHooks.CALLS).containsExactly("before_start {}");
  }

  @Test
  void aHangingStopHookDelaysTheStopOnlyUntilItsTimeout() {
    Watcher watcher = watcher(web().hooksTimeout(0.5).hook("before_stop", hook(TestHooks.Hangs.class)));
    Await.result(watcher.start());

    Await.result(watcher.stop());

    assertThat(watcher.snapshot().state()).isEqualTo(WatcherState.STOPPED);
    assertThat(launcher.alivePids()).isEmpty();
    assertThat(events.names()).containsSubsequence("hook_failure", "kill", "reap", "stop");
  }

  @Test
  void theArbiterContextKeepsServingWhileAHookHangs(Vertx vertx) {
    Watcher slow = watcher(web().hooksTimeout(20).hook("before_start", hook(TestHooks.Hangs.class)));
    Watcher other = watcher(WatcherSpec.builder("other").cmd("sleep 3600"));

    var hanging = slow.start();
    await().atMost(Duration.ofSeconds(10)).until(() -> TestHooks.CALLS.contains("before_start {}"));
    Await.result(other.start());

    assertThat(other.snapshot().state()).isEqualTo(WatcherState.ACTIVE);
    assertThat(hanging.isComplete()).isFalse();
    TestHooks.release.countDown();
    Await.result(hanging);
    assertThat(slow.snapshot().state()).isEqualTo(WatcherState.ACTIVE);
    Await.result(slow.stop());
    Await.result(other.stop());
  }

  @Test
  void extendedStatsHookExtendsTheRecord() {
    Watcher watcher = watcher(web().hook("extended_stats", hook(TestHooks.AddsQueueLength.class)));
    JsonObject record = new JsonObject().put("cpu", 0.0);

    JsonObject extended = Await.result(watcher.extendedStats(1234, record));

    assertThat(extended.getInteger("queue_length")).isEqualTo(42);
    assertThat(record.containsKey("queue_length")).isFalse();
  }

  @Test
  void aHookClassThatIsNotAHookIsRefused() {
    assertThatThrownBy(() -> watcher(web().hook("before_start", new HookSpec(TestHooks.NotAHook.class.getName(), false))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("hooks.before_start").hasMessageContaining("implementing io.circus.arbiter.Hook");
    assertThatThrownBy(() -> watcher(web().hook("after_start", new HookSpec("no.such.Hook", false))))
        .hasMessageContaining("no.such.Hook cannot be loaded");
  }
}
