package io.circus.arbiter;

import io.circus.process.ChildProcess;
import io.circus.process.ExitStatus;
import io.vertx.core.Future;
import io.vertx.core.Promise;

/**
 * One process of a watcher, from the moment its spawn is decided to its reap. Only touched on
 * the arbiter's context. A spawn runs off that context, so the exit of a child that dies at once
 * may be seen before the spawn's result: {@link #exitBeforeStart} keeps it until then.
 */
final class ManagedProcess {

  enum Phase { SPAWNING, RUNNING, STOPPING, EXITED }

  private final int wid;
  private final double started;
  private final long startedNanos;
  private final Promise<ExitStatus> exit = Promise.promise();
  private ChildProcess child;
  private Phase phase = Phase.SPAWNING;
  private boolean stopWanted;
  private boolean retiring;
  private ExitStatus exitBeforeStart;
  private long graceTimer = -1;
  private long maxAgeTimer = -1;

  ManagedProcess(int wid, double started, long startedNanos) {
    this.wid = wid;
    this.started = started;
    this.startedNanos = startedNanos;
  }

  int wid() {
    return wid;
  }

  /** Epoch seconds when circusd started it (Circus's {@code started}). */
  double started() {
    return started;
  }

  long startedNanos() {
    return startedNanos;
  }

  Phase phase() {
    return phase;
  }

  ChildProcess child() {
    return child;
  }

  int pid() {
    return child == null ? 0 : child.pid();
  }

  /** Counts toward the watcher's process count: spawning or running, and not being replaced. */
  boolean isLive() {
    return !retiring && (phase == Phase.SPAWNING || phase == Phase.RUNNING);
  }

  /** Marks the process as on its way out (reload, max_age): its replacement may start now. */
  void retire() {
    retiring = true;
  }

  void running(ChildProcess child) {
    this.child = child;
    phase = Phase.RUNNING;
  }

  /** Asks for a stop while the spawn is still under way; honoured once it completes. */
  void wantStop() {
    stopWanted = true;
  }

  boolean stopWanted() {
    return stopWanted;
  }

  void stopping() {
    phase = Phase.STOPPING;
  }

  void exitBeforeStart(ExitStatus status) {
    exitBeforeStart = status;
  }

  ExitStatus exitBeforeStart() {
    return exitBeforeStart;
  }

  void graceTimer(long id) {
    graceTimer = id;
  }

  long graceTimer() {
    return graceTimer;
  }

  void maxAgeTimer(long id) {
    maxAgeTimer = id;
  }

  long maxAgeTimer() {
    return maxAgeTimer;
  }

  void exited(ExitStatus status) {
    phase = Phase.EXITED;
    exit.tryComplete(status);
  }

  /** Completes with the exit status once the process has been reaped. */
  Future<ExitStatus> exitFuture() {
    return exit.future();
  }
}
