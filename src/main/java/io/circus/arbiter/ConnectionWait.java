package io.circus.arbiter;

import io.circus.sockets.SocketWait;
import java.util.Set;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How an {@code on_demand} watcher waits, stopped, for the first connection to one of its
 * sockets before it starts its processes. The connection stays queued in the socket for them.
 * Processes that exit without accepting it leave it queued, and it would wake the watcher again
 * at once: the watcher's crash-loop throttle spaces those starts. Used on the arbiter's context.
 */
final class ConnectionWait {

  private static final Logger log = LoggerFactory.getLogger(ConnectionWait.class);

  private final WatcherRuntime runtime;
  private final String watcher;
  private SocketWait wait;
  private long startTimer = -1;

  ConnectionWait(WatcherRuntime runtime, String watcher) {
    this.runtime = runtime;
    this.watcher = watcher;
  }

  boolean isWaiting() {
    return wait != null;
  }

  /**
   * Waits on these sockets unless already waiting; then runs {@code start}, after the delay
   * {@code throttleNanos} gives at that moment.
   */
  void await(Set<String> sockets, LongSupplier throttleNanos, Runnable start) {
    if (wait != null) {
      return;
    }
    wait = runtime.sockets().awaitActivity(sockets, () -> {
      wait = null;
      long delayMillis = throttleNanos.getAsLong() / 1_000_000;
      if (delayMillis <= 0) {
        log.info("watcher {}: a connection is waiting, starting the processes", watcher);
        start.run();
        return;
      }
      log.warn("watcher {}: processes keep exiting, starting them again in {} ms", watcher, delayMillis);
      startTimer = runtime.vertx().setTimer(delayMillis, id -> {
        startTimer = -1;
        start.run();
      });
    });
    log.info("watcher {}: on demand, waiting for a connection on {}", watcher, String.join(", ", sockets));
  }

  /** No start from now on, unless {@link #await} again. */
  void cancel() {
    if (wait != null) {
      wait.cancel();
      wait = null;
    }
    if (startTimer >= 0) {
      runtime.vertx().cancelTimer(startTimer);
      startTimer = -1;
    }
  }
}
