package io.circus.arbiter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.circus.config.ArbiterSpec;
import io.circus.config.CircusConfig;
import io.circus.config.WatcherSpec;
import io.circus.sockets.CircusSockets;
import io.circus.stream.OutputStreams;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Arbiter-wide operations against a launcher without real processes. */
@ExtendWith(VertxExtension.class)
class ArbiterTest {

  private final FakeLauncher launcher = new FakeLauncher();
  private final RecordedEvents events = new RecordedEvents();
  private WorkerSpawner spawner;
  private Vertx vertx;

  @BeforeEach
  void setUp(Vertx vertx) {
    this.vertx = vertx;
    spawner = new WorkerSpawner(vertx, launcher);
  }

  @AfterEach
  void tearDown() {
    spawner.close();
    launcher.close();
  }

  private Arbiter arbiter(ArbiterSpec spec, WatcherSpec... watchers) {
    Context context = vertx.getOrCreateContext();
    CircusSockets sockets = new CircusSockets(vertx, context, launcher);
    WatcherRuntime runtime = new WatcherRuntime(vertx, context, spawner, launcher::signalPid, events,
        new SpawnRequestFactory(Map.of(), sockets), sockets, new OutputStreams(vertx), 5.0);
    Arbiter arbiter = new Arbiter(new CircusConfig(null, spec, List.of(watchers), List.of(), List.of(), List.of(), List.of()), runtime, PluginRunner.NONE);
    for (WatcherSpec watcher : watchers) {
      Await.result(arbiter.add(watcher));
    }
    return arbiter;
  }

  private static WatcherSpec.Builder spec(String name) {
    return WatcherSpec.builder(name).cmd("sleep 3600");
  }

  private static ArbiterSpec withWarmup(int seconds) {
    ArbiterSpec d = ArbiterSpec.defaults();
    return new ArbiterSpec(d.endpoint(), d.endpointOwner(), d.pubsubEndpoint(), d.papaEndpoint(), d.statsd(),
        d.statsEndpoint(), d.statsdCloseOutputs(), d.multicastEndpoint(), d.checkDelay(), d.streamBackend(), seconds,
        d.httpd(), d.httpdHost(), d.httpdPort(), d.httpdCloseOutputs(), d.debug(), d.debugGc(), d.pidfile(), d.umask(),
        d.loglevel(), d.logoutput(), d.loggerconfig(), d.fqdnPrefix());
  }

  @Test
  void startGoesByPriorityHighestFirstAndTiesKeepRegistrationOrder() {
    Arbiter arbiter = arbiter(ArbiterSpec.defaults(), spec("a").build(), spec("b").priority(10).build(),
        spec("c").priority(5).build(), spec("d").priority(5).build());

    Await.result(arbiter.start());

    assertThat(events.named("start")).extracting(RecordedEvents.Event::watcher).containsExactly("b", "c", "d", "a");
  }

  @Test
  void theArbiterWarmupDelaySeparatesTwoWatcherStarts() {
    Arbiter arbiter = arbiter(withWarmup(1), spec("first").priority(1).build(), spec("second").build());

    Await.result(arbiter.start());

    double firstStart = events.named("start").get(0).data().getDouble("time");
    double secondSpawn = events.named("spawn").get(1).data().getDouble("time");
    assertThat(secondSpawn - firstStart).isGreaterThanOrEqualTo(0.99);
  }

  @Test
  void watchersWithoutAutostartAreLeftStopped() {
    Arbiter arbiter = arbiter(ArbiterSpec.defaults(), spec("on").build(), spec("off").autostart(false).build());

    Await.result(arbiter.start());

    assertThat(arbiter.watcher("off").orElseThrow().snapshot().state()).isEqualTo(WatcherState.STOPPED);
    assertThat(arbiter.watcher("on").orElseThrow().snapshot().state()).isEqualTo(WatcherState.ACTIVE);
  }

  @Test
  void stopStopsEveryWatcher() {
    Arbiter arbiter = arbiter(ArbiterSpec.defaults(), spec("a").numprocesses(2).build(), spec("b").build());
    Await.result(arbiter.start());

    Await.result(arbiter.stop());

    assertThat(arbiter.watchers()).allSatisfy(w -> assertThat(w.snapshot().state()).isEqualTo(WatcherState.STOPPED));
    assertThat(launcher.alivePids()).isEmpty();
  }

  @Test
  void watcherNamesAreLookedUpCaseInsensitivelyAndMustBeUnique() {
    Arbiter arbiter = arbiter(ArbiterSpec.defaults(), spec("My Watcher").build());

    assertThat(arbiter.watcher("my watcher")).isPresent();
    assertThatThrownBy(() -> Await.result(arbiter.add(spec("MY WATCHER").build())))
        .hasRootCauseMessage("'MY WATCHER' already exist");
  }

  @Test
  void removeStopsTheWatcherUnlessAskedToKeepItsProcesses() {
    Arbiter arbiter = arbiter(ArbiterSpec.defaults(), spec("gone").build(), spec("orphaned").build());
    Await.result(arbiter.start());
    int orphan = arbiter.watcher("orphaned").orElseThrow().snapshot().pids().get(0);

    Await.result(arbiter.remove("gone", false));
    Await.result(arbiter.remove("orphaned", true));

    assertThat(arbiter.watchers()).isEmpty();
    assertThat(launcher.alivePids()).containsExactly(orphan);
  }
}
