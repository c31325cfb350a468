package io.circus.daemon;

import io.vertx.core.Vertx;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import sun.misc.Signal;

/**
 * circusd's answers to signals: SIGTERM and SIGINT stop every watcher gracefully (their
 * graceful_timeout honoured) and exit 0; SIGHUP reloads the configuration. They replace the JVM's
 * own handlers, which would exit at once with 143. (SIGQUIT stays the JVM's thread dump.)
 */
final class DaemonSignals {

  private static final Logger log = LoggerFactory.getLogger(DaemonSignals.class);

  private final Vertx vertx;
  private final AtomicBoolean stopping = new AtomicBoolean();

  private DaemonSignals(Vertx vertx) {
    this.vertx = vertx;
  }

  static void install(Vertx vertx, CircusdVerticle daemon) {
    DaemonSignals signals = new DaemonSignals(vertx);
    Signal.handle(new Signal("TERM"), signals::shutdown);
    Signal.handle(new Signal("INT"), signals::shutdown);
    Signal.handle(new Signal("HUP"), signal -> {
      log.info("SIGHUP: reloading the configuration");
      daemon.reloadConfiguration();
    });
  }

  private void shutdown(Signal signal) {
    if (!stopping.compareAndSet(false, true)) {
      log.info("SIG{}: already stopping", signal.getName());
      return;
    }
    log.info("SIG{}: stopping every watcher, then exiting", signal.getName());
    vertx.close().onComplete(done -> {
      if (done.failed()) {
        log.error("stopping failed", done.cause());
      }
      Runtime.getRuntime().halt(done.succeeded() ? 0 : 1);
    });
  }
}
