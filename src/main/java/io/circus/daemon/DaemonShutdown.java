package io.circus.daemon;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Ends circusd once: stops every watcher (graceful_timeout honoured) while the endpoints still
 * publish the events of the stop, then closes Vert.x, which undeploys the rest and removes the pid
 * file, then exits with status 0, or 1 if closing failed. Used by the signal handlers and by
 * {@code quit}.
 */
final class DaemonShutdown {

  private static final Logger log = LoggerFactory.getLogger(DaemonShutdown.class);

  private final Supplier<Vertx> vertx;
  private final Supplier<Future<Void>> stopWatchers;
  private final AtomicBoolean started = new AtomicBoolean();

  /** @param stopWatchers stops every watcher, from any thread (quit's stop when one began) */
  DaemonShutdown(Supplier<Vertx> vertx, Supplier<Future<Void>> stopWatchers) {
    this.vertx = vertx;
    this.stopWatchers = stopWatchers;
  }

  /** Starts the shutdown; later calls only log. */
  void shutdown(String why) {
    if (start(why)) {
      log.info("{}: stopping every watcher, then exiting", why);
      exitAfter(stopWatchers.get());
    }
  }

  /** Exits once {@code quit} stopped every watcher (it said so already). */
  void afterQuit() {
    if (start("quit")) {
      exitAfter(stopWatchers.get());
    }
  }

  private boolean start(String why) {
    if (!started.compareAndSet(false, true)) {
      log.info("{}: already stopping", why);
      return false;
    }
    if (vertx.get() == null) {
      // Vert.x is not up yet, so no watcher has started: nothing to stop.
      log.info("{}: exiting before the start", why);
      Runtime.getRuntime().exit(0);
      return false;
    }
    return true;
  }

  private void exitAfter(Future<Void> watchersStopped) {
    Vertx running = vertx.get();
    watchersStopped.transform(stopped -> {
      if (stopped.failed()) {
        log.error("stopping the watchers failed", stopped.cause());
      }
      return running.close();
    }).onComplete(done -> {
      if (done.failed()) {
        log.error("stopping failed", done.cause());
      }
      // halt, not exit: Vert.x is closed and the launcher's shutdown hook would only close it again.
      Runtime.getRuntime().halt(done.succeeded() ? 0 : 1);
    });
  }
}
