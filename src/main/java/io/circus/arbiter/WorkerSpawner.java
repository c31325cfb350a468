package io.circus.arbiter;

import io.circus.process.ChildProcess;
import io.circus.process.ProcessLauncher;
import io.circus.process.ProcessListener;
import io.circus.process.SpawnRequest;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;

/**
 * Runs spawns on a small worker pool, one thread per core: a spawn is a system call of about a
 * millisecond, short but not free, and starting 1000 children on the event loop would hold it for
 * most of a second. Spawns run unordered so the cores start children in parallel.
 */
public final class WorkerSpawner implements Spawner, AutoCloseable {

  private final ProcessLauncher launcher;
  private final WorkerExecutor pool;

  public WorkerSpawner(Vertx vertx, ProcessLauncher launcher) {
    this.launcher = launcher;
    this.pool = vertx.createSharedWorkerExecutor("circus-spawn", Runtime.getRuntime().availableProcessors());
  }

  @Override
  public Future<ChildProcess> spawn(SpawnRequest request, ProcessListener listener) {
    return pool.executeBlocking(() -> launcher.spawn(request, listener), false);
  }

  @Override
  public void close() {
    pool.close();
  }
}
