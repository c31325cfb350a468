package io.circus.daemon;

import io.vertx.core.Vertx;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Ends circusd once: closes Vert.x, which undeploys everything (every watcher is stopped, its
 * graceful_timeout honoured, and the pid file removed), then exits with status 0, or 1 if closing
 * failed. Used by the signal handlers and by {@code quit}.
 */
final class DaemonShutdown {

  private static final Logger log = LoggerFactory.getLogger(DaemonShutdown.class);

  private final Supplier<Vertx> vertx;
  private final AtomicBoolean started = new AtomicBoolean();

  DaemonShutdown(Supplier<Vertx> vertx) {
    this.vertx = vertx;
  }

  /** Starts the shutdown; later calls only log. */
  void shutdown(String why) {
    if (!started.compareAndSet(false, true)) {
      log.info("{}: already stopping", why);
      return;
    }
    Vertx running = vertx.get();
    if (running == null) {
      // Vert.x is not up yet, so no watcher has started: nothing to stop.
      log.info("{}: exiting before the start", why);
      Runtime.getRuntime().exit(0);
      return;
    }
    log.info("{}: stopping every watcher, then exiting", why);
    running.close().onComplete(done -> {
      if (done.failed()) {
        log.error("stopping failed", done.cause());
      }
      // halt, not exit: Vert.x is closed and the launcher's shutdown hook would only close it again.
      Runtime.getRuntime().halt(done.succeeded() ? 0 : 1);
    });
  }
}
