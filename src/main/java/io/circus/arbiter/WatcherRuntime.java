package io.circus.arbiter;

import io.vertx.core.Context;
import io.vertx.core.Vertx;

/**
 * The services every watcher of an arbiter shares: the arbiter's context (the one owner of all
 * supervisor state), the spawner, signals to other pids, events, and how to build spawn requests.
 * {@code maxRespawnDelaySeconds} caps the crash-loop back-off.
 */
record WatcherRuntime(
    Vertx vertx,
    Context context,
    Spawner spawner,
    PidSignaller pidSignaller,
    EventPublisher events,
    SpawnRequestFactory spawnRequests,
    double maxRespawnDelaySeconds) {
}
