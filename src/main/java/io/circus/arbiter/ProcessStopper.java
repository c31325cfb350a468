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
 * process and every descendant. One {@code kill} event per signal delivered.
 */
final class ProcessStopper {

  private final Vertx vertx;
  private final PidSignaller pidSignaller;
  private final EventPublisher events;

  ProcessStopper(Vertx vertx, PidSignaller pidSignaller, EventPublisher events) {
    this.vertx = vertx;
    this.pidSignaller = pidSignaller;
    this.events = events;
  }

  /** Starts stopping a running process; the future completes when it has been reaped. */
  Future<ExitStatus> stop(String watcher, ManagedProcess process, int signal, double gracefulTimeout, boolean stopChildren) {
    process.stopping();
    cancelTimer(process.maxAgeTimer());
    if (stopChildren) {
      signalAll(watcher, process.child().children(), signal);
    }
    signalProcess(watcher, process, signal);
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

  private void signalProcess(String watcher, ManagedProcess process, int signal) {
    if (process.child().signal(signal)) {
      publishKill(watcher, process.pid());
    }
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
