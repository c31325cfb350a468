package io.circus.arbiter;

import io.circus.sockets.CircusSockets;
import io.circus.stream.OutputStreams;
import io.vertx.core.Context;
import io.vertx.core.Vertx;

/**
 * The services every watcher of an arbiter shares: the arbiter's context (the one owner of all
 * supervisor state), the spawner, signals to other pids, events, how to build spawn requests, and
 * the sockets, the output streams. {@code maxRespawnDelaySeconds} caps the crash-loop back-off.
 */
record WatcherRuntime(
    Vertx vertx,
    Context context,
    Spawner spawner,
    PidSignaller pidSignaller,
    EventPublisher events,
    SpawnRequestFactory spawnRequests,
    CircusSockets sockets,
    OutputStreams outputs,
    double maxRespawnDelaySeconds) {

  /** The same services with another spawner (a plugin's watcher). */
  WatcherRuntime withSpawner(Spawner other) {
    return new WatcherRuntime(vertx, context, other, pidSignaller, events, spawnRequests, sockets, outputs, maxRespawnDelaySeconds);
  }
}
