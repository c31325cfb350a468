package io.circus.arbiter;

import io.circus.config.WatcherSpec;
import io.circus.sockets.CircusSockets;
import io.circus.stream.OutputStreams;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import java.util.Map;

/** A watcher runtime over a {@link FakeLauncher} that records the events: what watcher tests run on. */
final class FakeRuntime implements AutoCloseable {

  final FakeLauncher launcher = new FakeLauncher();
  final RecordedEvents events = new RecordedEvents();
  final WatcherRuntime runtime;
  private final WorkerSpawner spawner;

  FakeRuntime(Vertx vertx) {
    spawner = new WorkerSpawner(vertx, launcher);
    Context context = vertx.getOrCreateContext();
    CircusSockets sockets = new CircusSockets(vertx, context, launcher);
    runtime = new WatcherRuntime(vertx, context, spawner, launcher::signalPid, events,
        new SpawnRequestFactory(Map.of("PATH", "/usr/bin:/bin"), sockets), sockets, new OutputStreams(vertx), 5.0);
  }

  Watcher watcher(WatcherSpec.Builder spec) {
    return new Watcher(spec.build(), runtime);
  }

  @Override
  public void close() {
    spawner.close();
    launcher.close();
  }
}
