package io.circus.arbiter;

import io.circus.process.ChildProcess;
import io.circus.process.ProcessListener;
import io.circus.process.SpawnRequest;
import io.vertx.core.Future;

/**
 * Starts children without blocking the caller's event loop; the returned future completes on the
 * caller's context.
 */
@FunctionalInterface
public interface Spawner {

  Future<ChildProcess> spawn(SpawnRequest request, ProcessListener listener);
}
