package io.circus.daemon;

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

  private DaemonSignals() {
  }

  static void install(DaemonShutdown shutdown, CircusdVerticle daemon) {
    Signal.handle(new Signal("TERM"), signal -> shutdown.shutdown("SIGTERM"));
    Signal.handle(new Signal("INT"), signal -> shutdown.shutdown("SIGINT"));
    Signal.handle(new Signal("HUP"), signal -> {
      if (!daemon.running()) {
        log.warn("SIGHUP while circusd is starting: ignored (the configuration is being read now)");
        return;
      }
      log.info("SIGHUP: reloading the configuration");
      daemon.reloadConfiguration();
    });
  }
}
