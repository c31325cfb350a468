package io.circus.arbiter;

import io.circus.process.ExitStatus;
import io.circus.process.Signals;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.util.List;

/**
 * Stops one process the way Circus does (SPEC.md §7.5): the stop signal to the process (and, with
 * {@code stop_children}, to its direct children), then after the grace period SIGKILL to the
 * process and every descendant. One {@code kill} event per signal delivered. The signals to the
 * process itself go through the {@code before_signal} and {@code after_signal} hooks.
 */
final class ProcessStopper {

  private final Vertx vertx;
  private final PidSignaller pidSignaller;
  private final EventPublisher events;
  private final WatcherHooks hooks;

  ProcessStopper(Vertx vertx, PidSignaller pidSignaller, EventPublisher events, WatcherHooks hooks) {
    this.vertx = vertx;
    this.pidSignaller = pidSignaller;
    this.events = events;
    this.hooks = hooks;
  }

  /** Starts stopping a running process; the future completes when it has been reaped. */
  Future<ExitStatus> stop(String watcher, ManagedProcess process, int signal, double gracefulTimeout, boolean stopChildren) {
    process.stopping();
    cancelTimer(process.maxAgeTimer());
    // The process first, then its children (as Circus): a shell that traps the signal and waits
    // for its children would otherwise see them end first, and exit without running its trap.
    List<Integer> children = stopChildren ? process.child().children() : List.of();
    signalProcess(watcher, process, signal);
    signalAll(watcher, children, signal);
    long graceMillis = Math.max(1, Math.round(gracefulTimeout * 1000));
    process.graceTimer(vertx.setTimer(graceMillis, id -> killIfStillThere(watcher, process)));
    return process.exitFuture();
  }

  /** Cancels what is pending for a process that has just been reaped. */
  void forget(ManagedProcess process) {
    cancelTimer(process.graceTimer());
    cancelTimer(process.maxAgeTimer());
  }

  private void killIfStillThere(String watcher, ManagedProcess process) {
    if (process.phase() != ManagedProcess.Phase.STOPPING) {
      return;
    }
    List<Integer> descendants = process.child().descendants();
    signalProcess(watcher, process, Signals.SIGKILL);
    signalAll(watcher, descendants, Signals.SIGKILL);
  }

  /** Through the watcher's signal hooks: before_signal may veto any signal but SIGKILL. */
  private void signalProcess(String watcher, ManagedProcess process, int signal) {
    hooks.signal(process.child(), signal).onSuccess(delivered -> {
      if (delivered) {
        publishKill(watcher, process.pid());
      }
    });
  }

  private void signalAll(String watcher, List<Integer> pids, int signal) {
    for (int pid : pids) {
      if (pidSignaller.signal(pid, signal)) {
        publishKill(watcher, pid);
      }
    }
  }

  private void publishKill(String watcher, int pid) {
    events.publish(watcher, "kill", new JsonObject().put("process_pid", pid).put("time", EpochTime.now()));
  }

  private void cancelTimer(long id) {
    if (id >= 0) {
      vertx.cancelTimer(id);
    }
  }
}
