package io.circus.arbiter;

import io.circus.config.WatcherSpec;
import io.circus.process.ChildProcess;
import io.circus.process.ExitStatus;
import io.circus.process.ProcessListener;
import io.circus.process.SpawnException;
import io.circus.process.SpawnRequest;
import io.circus.stream.WatcherOutput;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A named program run as {@code numprocesses} processes (Circus's Watcher). Its state lives on the
 * arbiter's context; every public method may be called from any thread and returns a future.
 *
 * <p>Lifecycle operations (start, stop, restart, reload) run one after the other for one watcher,
 * never waiting on other watchers; a stop cuts short a start that is still spawning. Between
 * them the watcher converges on its process count by itself: a process that dies is reaped and
 * replaced as soon as the reactor reports its exit (not on a periodic check as in Circus), with a
 * {@link RespawnThrottle} against crash loops.
 *
 * <p>An {@code on_demand} watcher that is started waits, stopped, for the first connection to one
 * of its sockets, then starts its processes; if they all exit and are not respawned, it waits for
 * the next connection. A watcher whose processes hold sockets restarts new processes first, so
 * connections are always accepted.
 */
public final class Watcher {

  private static final Logger log = LoggerFactory.getLogger(Watcher.class);

  private final WatcherRuntime runtime;
  private final ContextGuard guard;
  private final ProcessStopper stopper;
  private final WatcherHooks hooks;
  private final WidAllocator wids = new WidAllocator();
  private final RespawnThrottle throttle = new RespawnThrottle();
  private final List<ManagedProcess> processes = new ArrayList<>();
  private WatcherSpec spec;
  private WatcherState state = WatcherState.STOPPED;
  private int plannedSpawns;
  private boolean gaveUpStarting;
  private boolean released;
  private long respawnTimer = -1;
  private final ConnectionWait connectionWait;
  private final WatcherOutput output;
  private Future<?> lifecycle = Future.succeededFuture();
  private volatile WatcherSnapshot snapshot;

  Watcher(WatcherSpec spec, WatcherRuntime runtime) {
    this.spec = spec;
    this.runtime = runtime;
    this.guard = new ContextGuard(runtime.context());
    this.hooks = new WatcherHooks(this, runtime);
    hooks.configure(spec);
    this.stopper = new ProcessStopper(runtime.vertx(), runtime.pidSignaller(), runtime.events(), hooks);
    this.connectionWait = new ConnectionWait(runtime, spec.name());
    this.output = runtime.outputs().watcher(spec.name());
    output.configure(spec.stdoutStream(), spec.stderrStream());
    publishSnapshot();
  }

  public String name() {
    return spec.name();
  }

  /** Where its processes' output goes, and their recent output; readable from any thread. */
  public WatcherOutput output() {
    return output;
  }

  /** The watcher as it is now, readable from any thread. */
  public WatcherSnapshot snapshot() {
    return snapshot;
  }

  // ---------------------------------------------------------------- lifecycle

  /**
   * Starts the processes; a running watcher only gets its missing processes back; a stopped
   * {@code on_demand} watcher waits for a connection.
   */
  public Future<ProcessChanges> start() {
    return guard.call(() -> serialize(() -> withChanges(this::doStart)));
  }

  /** Stops every process (stop signal, grace period, SIGKILL) and waits for their reap. */
  public Future<ProcessChanges> stop() {
    return guard.call(() -> {
      if (state == WatcherState.STARTING) {
        state(WatcherState.STOPPING); // cuts the start short at its next spawn
      }
      return serialize(() -> withChanges(this::doStop));
    });
  }

  public Future<ProcessChanges> restart() {
    return guard.call(() -> serialize(() -> withChanges(this::doRestart)));
  }

  /**
   * Reloads as SPEC.md §7.7 describes: not graceful means restart; a stopped watcher starts;
   * {@code send_hup} sends SIGHUP; sequential replaces the processes one by one; otherwise the
   * new processes are started before the old ones are stopped.
   */
  public Future<ProcessChanges> reload(boolean graceful, boolean sequential) {
    return guard.call(() -> serialize(() -> withChanges(() -> {
      if (!graceful) {
        return doRestart();
      }
      if (state == WatcherState.STOPPED) {
        return doStart();
      }
      Future<Void> reload = spec.sendHup() ? hangUp() : sequential ? replaceOneByOne() : replaceAll();
      return reload.onSuccess(v -> publish("reload", new JsonObject()));
    })));
  }

  /**
   * Sets the number of processes and spawns or stops (oldest first) to reach it; completes when
   * those spawns and stops are done, with the new number.
   */
  public Future<Integer> setNumprocesses(int count) {
    return guard.call(() -> {
      int target = Math.max(0, count);
      spec = spec.toBuilder().numprocesses(target).build();
      publishSnapshot();
      return manage().map(target);
    });
  }

  /**
   * Stops processes the way the watcher stops them, optionally with another signal or grace
   * period, but leaves the watcher running, so they are replaced. {@code pid} null means all.
   */
  public Future<Void> kill(Integer pid, Integer signal, Double gracefulTimeout) {
    return guard.call(() -> {
      List<Future<Void>> stops = new ArrayList<>();
      for (ManagedProcess p : List.copyOf(processes)) {
        if (p.phase() == ManagedProcess.Phase.RUNNING && (pid == null || p.pid() == pid)) {
          stops.add(stopProcess(p, signal == null ? spec.stopSignal() : signal,
              gracefulTimeout == null ? spec.gracefulTimeout() : gracefulTimeout));
        }
      }
      return Future.join(stops).compose(v -> afterProcessesLost());
    });
  }

  /**
   * Replaces the spec. With {@code reload}, a running watcher then reloads gracefully so every
   * process runs with it (a new command, environment, user, ...); otherwise the process count
   * follows at once and the rest applies to the processes started from then on.
   */
  public Future<Void> update(WatcherSpec newSpec, boolean reload) {
    return guard.call(() -> {
      hooks.configure(newSpec);
      output.configure(newSpec.stdoutStream(), newSpec.stderrStream());
      spec = newSpec;
      publishSnapshot();
      if (connectionWait.isWaiting()) {
        connectionWait.cancel();
        serialize(() -> withChanges(this::doStart)); // waits on the new spec's sockets, or starts
      }
      if (reload && state != WatcherState.STOPPED) {
        return reload(true, false).mapEmpty();
      }
      return manage();
    });
  }

  /**
   * Sends a signal outside the stop machinery (the {@code signal} command): to the process
   * {@code pid} or to every process; with {@code childPid} only to that direct child of it, with
   * {@code children} to all its direct children instead, with {@code recursive} to it and all its
   * descendants. Processes are not marked as stopping and no event is published. Fails with
   * {@link NoSuchElementException} when {@code pid} or {@code childPid} names no such process
   * while children are targeted.
   */
  public Future<Void> signal(int signal, Integer pid, Integer childPid, boolean children, boolean recursive) {
    return guard.call(() -> {
      List<Future<Boolean>> sent = new ArrayList<>();
      List<ManagedProcess> targets = new ArrayList<>();
      for (ManagedProcess p : processes) {
        if (p.child() != null && p.phase() != ManagedProcess.Phase.EXITED && (pid == null || p.pid() == pid)) {
          targets.add(p);
        }
      }
      if (targets.isEmpty() && pid != null && (children || childPid != null)) {
        return Future.failedFuture(new NoSuchElementException("process " + pid + " not found in '" + name() + "'"));
      }
      for (ManagedProcess p : targets) {
        if (childPid != null) {
          if (!p.child().children().contains(childPid)) {
            return Future.failedFuture(new NoSuchElementException("process " + childPid + " is not a child of " + p.pid()));
          }
          runtime.pidSignaller().signal(childPid, signal);
        } else if (children) {
          p.child().children().forEach(c -> runtime.pidSignaller().signal(c, signal));
        } else {
          List<Integer> descendants = recursive ? p.child().descendants() : List.of();
          sent.add(hooks.signal(p.child(), signal));
          descendants.forEach(d -> runtime.pidSignaller().signal(d, signal));
        }
      }
      return Future.join(sent).mapEmpty();
    });
  }

  /**
   * Passes the record of one process through the watcher's {@code extended_stats} hook, which may
   * add to it; completes with the record to reply (the original when there is no such hook or it
   * failed).
   */
  public Future<JsonObject> extendedStats(int pid, JsonObject stats) {
    return guard.call(() -> {
      JsonObject details = new JsonObject().put("pid", pid).put("stats", stats.copy());
      return hooks.run(WatcherHooks.EXTENDED_STATS, details)
          .map(ignored -> details.getValue("stats") instanceof JsonObject extended ? extended : stats);
    });
  }

  /**
   * Lets the processes go (rm with nostop): they run on unsupervised, are reaped silently when
   * they exit, and are never replaced.
   */
  Future<Void> release() {
    return guard.call(() -> {
      released = true;
      cancelRespawnTimer();
      processes.forEach(stopper::forget);
      return Future.succeededFuture();
    });
  }

  /** True while a stopped on_demand watcher waits for a connection. Arbiter's context only. */
  boolean isWaitingForConnection() {
    return connectionWait.isWaiting();
  }

  /** The arbiter's periodic check: a safety net that brings the process count back. */
  void periodicCheck() {
    if (spec.respawn()) {
      manage();
    }
  }

  // ---------------------------------------------------------------- lifecycle bodies

  private Future<Void> doStart() {
    if (state == WatcherState.STOPPED && spec.onDemand()) {
      awaitConnection();
      return Future.succeededFuture();
    }
    return startProcesses();
  }

  private Future<Void> startProcesses() {
    if (state != WatcherState.STOPPED) {
      return manage();
    }
    return hooks.run(WatcherHooks.BEFORE_START, new JsonObject()).compose(go -> {
      if (!go) {
        log.warn("watcher {}: the before_start hook said no, not starting", name());
        return Future.succeededFuture();
      }
      state(WatcherState.STARTING);
      gaveUpStarting = false;
      return spawn(spec.numprocesses()).compose(v -> afterSpawningAtStart());
    });
  }

  private Future<Void> afterSpawningAtStart() {
    if (state != WatcherState.STARTING) {
      return Future.succeededFuture(); // a stop came in meanwhile
    }
    if (gaveUpStarting || (liveCount() == 0 && spec.numprocesses() > 0)) {
      log.error("watcher {}: could not start its processes, stopping it", name());
      return doStop();
    }
    return hooks.run(WatcherHooks.AFTER_START, new JsonObject()).compose(ok -> {
      if (state != WatcherState.STARTING) {
        return Future.succeededFuture();
      }
      if (!ok) {
        log.warn("watcher {}: the after_start hook said no, stopping it", name());
        return doStop();
      }
      state(WatcherState.ACTIVE);
      publish("start", new JsonObject());
      return Future.succeededFuture();
    });
  }

  private Future<Void> doStop() {
    connectionWait.cancel();
    cancelRespawnTimer();
    if (state == WatcherState.STOPPED) {
      return Future.succeededFuture();
    }
    state(WatcherState.STOPPING);
    // before_stop and after_stop cannot stop a stop: their verdicts are ignored.
    return hooks.run(WatcherHooks.BEFORE_STOP, new JsonObject()).compose(ignored -> {
      List<Future<Void>> stops = new ArrayList<>();
      for (ManagedProcess p : List.copyOf(processes)) {
        stops.add(stopProcess(p, spec.stopSignal(), spec.gracefulTimeout()));
      }
      return Future.join(stops);
    }).transform(ignored -> {
      state(WatcherState.STOPPED);
      publish("stop", new JsonObject());
      return hooks.run(WatcherHooks.AFTER_STOP, new JsonObject()).mapEmpty();
    });
  }

  /**
   * Stop then start; but new processes first when the processes hold sockets: the old ones may
   * still be serving, and there is always someone to accept the connections.
   */
  private Future<Void> doRestart() {
    if (state == WatcherState.ACTIVE && !spec.socketsUsed(runtime.sockets().names()).isEmpty()) {
      return replaceAll();
    }
    return doStop().compose(v -> doStart());
  }

  /** Waits, stopped, for a connection to one of the sockets, then starts the processes. */
  private void awaitConnection() {
    connectionWait.await(spec.socketsUsed(runtime.sockets().names()),
        () -> throttle.delayBeforeRespawn(System.nanoTime(), respawnBurst()),
        () -> serialize(() -> withChanges(this::startProcesses)));
  }

  private Future<Void> hangUp() {
    for (ManagedProcess p : processes) {
      if (p.phase() == ManagedProcess.Phase.RUNNING) {
        p.child().signal(io.circus.process.Signals.SIGHUP);
      }
    }
    return Future.succeededFuture();
  }

  /** New processes first, then the old ones stop: the service never has fewer than it needs. */
  private Future<Void> replaceAll() {
    List<ManagedProcess> old = runningProcesses();
    old.forEach(ManagedProcess::retire);
    return manage().compose(v -> stopAll(old));
  }

  private Future<Void> replaceOneByOne() {
    Future<Void> chain = Future.succeededFuture();
    for (ManagedProcess p : runningProcesses()) {
      chain = chain.compose(v -> {
        if (!state.isRunning()) {
          return Future.succeededFuture();
        }
        p.retire();
        return stopProcess(p, spec.stopSignal(), spec.gracefulTimeout()).compose(x -> manage()).compose(x -> warmup());
      });
    }
    return chain;
  }

  // ---------------------------------------------------------------- convergence

  /** Spawns or stops (oldest first) until the live processes match {@code numprocesses}. */
  private Future<Void> manage() {
    if (released || !state.isRunning()) {
      return Future.succeededFuture();
    }
    int live = liveCount();
    int target = spec.numprocesses();
    if (live > target) {
      return stopAll(runningProcesses().subList(0, Math.min(live - target, runningProcesses().size())));
    }
    if (live < target) {
      long delay = throttle.delayBeforeRespawn(System.nanoTime(), respawnBurst());
      if (delay > 0) {
        scheduleManage(delay);
        return Future.succeededFuture();
      }
      return spawn(target - live);
    }
    return Future.succeededFuture();
  }

  private Future<Void> afterProcessesLost() {
    if (!spec.respawn()) {
      if (liveCount() > 0 || !state.isRunning()) {
        return Future.succeededFuture();
      }
      if (!spec.onDemand()) {
        return stop().mapEmpty();
      }
      // Back to waiting for a connection, in one lifecycle step so that no command slips in between.
      return serialize(() -> withChanges(() -> doStop().compose(v -> doStart()))).mapEmpty();
    }
    return manage();
  }

  /** Spawns {@code count} processes: all at once, or one by one with {@code warmup_delay} between. */
  private Future<Void> spawn(int count) {
    if (count <= 0) {
      return Future.succeededFuture();
    }
    if (spec.warmupDelay() <= 0) {
      List<Future<Void>> spawns = new ArrayList<>();
      for (int i = 0; i < count; i++) {
        spawns.add(spawnWithRetries(1));
      }
      return Future.join(spawns).mapEmpty();
    }
    plannedSpawns += count;
    Future<Void> chain = Future.succeededFuture();
    for (int i = 0; i < count; i++) {
      boolean last = i == count - 1;
      chain = chain.compose(v -> {
        plannedSpawns--;
        if (!state.isRunning()) {
          return Future.succeededFuture();
        }
        return last ? spawnWithRetries(1) : spawnWithRetries(1).compose(x -> warmup());
      });
    }
    return chain;
  }

  private Future<Void> warmup() {
    long millis = Math.round(spec.warmupDelay() * 1000);
    return millis <= 0 ? Future.succeededFuture() : runtime.vertx().timer(millis).mapEmpty();
  }

  /**
   * One process slot: spawns, and when the program cannot be started retries with a growing
   * delay; after {@code max_retry} failed attempts (-1: never give up) the watcher stops, as in
   * Circus.
   */
  private Future<Void> spawnWithRetries(int attempt) {
    if (attempt > 1) {
      return spawnAttempt(attempt);
    }
    plannedSpawns++; // counted as live while before_spawn runs, so nothing else spawns in its place
    return hooks.run(WatcherHooks.BEFORE_SPAWN, new JsonObject()).compose(go -> {
      plannedSpawns--;
      if (!go) {
        log.warn("watcher {}: the before_spawn hook said no, stopping the watcher", name());
        giveUp();
        return Future.succeededFuture();
      }
      return state.isRunning() ? spawnAttempt(attempt) : Future.succeededFuture();
    });
  }

  private Future<Void> spawnAttempt(int attempt) {
    ManagedProcess p = new ManagedProcess(wids.acquire(), EpochTime.now(), System.nanoTime());
    processes.add(p);
    SpawnRequest request;
    try {
      request = runtime.spawnRequests().build(spec, p.wid());
    } catch (IllegalArgumentException e) {
      return spawnFailed(p, e, attempt);
    }
    return runtime.spawner().spawn(request, output.listener(exitListener(p)))
        .transform(ar -> ar.succeeded() ? spawned(p, ar.result()) : spawnFailed(p, ar.cause(), attempt));
  }

  private Future<Void> spawned(ManagedProcess p, ChildProcess child) {
    p.running(child);
    publish("spawn", new JsonObject().put("process_pid", child.pid()).put("time", p.started()));
    scheduleMaxAge(p);
    publishSnapshot();
    if (p.exitBeforeStart() != null) {
      exited(p, p.exitBeforeStart());
      return Future.succeededFuture();
    }
    if (p.stopWanted() || !state.isRunning()) {
      stopProcess(p, spec.stopSignal(), spec.gracefulTimeout());
      return Future.succeededFuture();
    }
    return hooks.run(WatcherHooks.AFTER_SPAWN, new JsonObject().put("pid", child.pid())).compose(ok -> {
      if (!ok) {
        log.warn("watcher {}: the after_spawn hook said no for process {}, stopping the watcher", name(), child.pid());
        stopProcess(p, spec.stopSignal(), spec.gracefulTimeout());
        giveUp();
      }
      return Future.succeededFuture();
    });
  }

  private Future<Void> spawnFailed(ManagedProcess p, Throwable cause, int attempt) {
    processes.remove(p);
    wids.release(p.wid());
    int errno = cause instanceof SpawnException se ? se.errno() : 0;
    log.error("watcher {}: cannot start a process (attempt {}): {}", name(), attempt, cause.getMessage());
    publish("spawn_error", new JsonObject().put("errno", errno).put("error", String.valueOf(cause.getMessage()))
        .put("attempt", attempt));
    int allowed = spec.maxRetry() < 0 ? Integer.MAX_VALUE : Math.max(1, spec.maxRetry());
    if (attempt >= allowed) {
      log.error("watcher {}: giving up after {} failed attempts, stopping it", name(), attempt);
      giveUp();
      return Future.succeededFuture();
    }
    if (!state.isRunning()) {
      return Future.succeededFuture();
    }
    plannedSpawns++;
    return runtime.vertx().timer(RetryBackoff.delayMillis(attempt)).compose(v -> {
      plannedSpawns--;
      return state.isRunning() ? spawnWithRetries(attempt + 1) : Future.succeededFuture();
    });
  }

  /** A process could not be had: a start ends by stopping the watcher, a running watcher stops. */
  private void giveUp() {
    if (state == WatcherState.STARTING) {
      gaveUpStarting = true;
    } else if (state == WatcherState.ACTIVE) {
      stop();
    }
  }

  private ProcessListener exitListener(ManagedProcess p) {
    // Called on the reactor thread: hop onto the owner context before touching anything.
    return (child, status) -> runtime.context().runOnContext(v -> exited(p, status));
  }

  private void exited(ManagedProcess p, ExitStatus status) {
    if (p.child() == null) {
      p.exitBeforeStart(status);
      return;
    }
    if (p.phase() == ManagedProcess.Phase.EXITED) {
      return;
    }
    if (released) {
      reaped(p, status);
      return;
    }
    JsonObject details = new JsonObject().put("process_pid", p.pid()).put("time", EpochTime.now());
    hooks.run(WatcherHooks.BEFORE_REAP, details).onComplete(ignored -> reaped(p, status));
  }

  private void reaped(ManagedProcess p, ExitStatus status) {
    boolean expected = p.phase() == ManagedProcess.Phase.STOPPING;
    stopper.forget(p);
    processes.remove(p);
    wids.release(p.wid());
    if (released) {
      p.exited(status);
      return;
    }
    JsonObject reap = new JsonObject().put("process_pid", p.pid()).put("time", EpochTime.now())
        .put("exit_code", status.circusExitCode());
    publish("reap", reap);
    publishSnapshot();
    // Whoever waits on this exit (a stop, a reload) sees the reap published and after_reap run.
    hooks.run(WatcherHooks.AFTER_REAP, reap.copy()).onComplete(ignored -> p.exited(status));
    if (!expected && state.isRunning()) {
      log.warn("watcher {}: process {} (wid {}) exited unexpectedly with status {}", name(), p.pid(), p.wid(),
          status.circusExitCode());
      throttle.exitSeen(System.nanoTime(), respawnBurst(), Math.round(runtime.maxRespawnDelaySeconds() * 1e9));
      afterProcessesLost();
    }
  }

  private Future<Void> stopProcess(ManagedProcess p, int signal, double gracefulTimeout) {
    switch (p.phase()) {
      case RUNNING:
        return stopper.stop(name(), p, signal, gracefulTimeout, spec.stopChildren()).mapEmpty();
      case SPAWNING:
        p.wantStop();
        return p.exitFuture().mapEmpty();
      default:
        return p.exitFuture().mapEmpty();
    }
  }

  private Future<Void> stopAll(List<ManagedProcess> targets) {
    List<Future<Void>> stops = new ArrayList<>();
    for (ManagedProcess p : targets) {
      stops.add(stopProcess(p, spec.stopSignal(), spec.gracefulTimeout()));
    }
    return Future.join(stops).mapEmpty();
  }

  private void scheduleMaxAge(ManagedProcess p) {
    if (spec.maxAge() <= 0) {
      return;
    }
    int variance = Math.max(0, spec.maxAgeVariance());
    long seconds = spec.maxAge() + ThreadLocalRandom.current().nextInt(variance + 1);
    p.maxAgeTimer(runtime.vertx().setTimer(seconds * 1000, id -> retire(p)));
  }

  /** max_age reached: a replacement is started first, then the old process is stopped. */
  private void retire(ManagedProcess p) {
    p.maxAgeTimer(-1);
    if (state != WatcherState.ACTIVE || p.phase() != ManagedProcess.Phase.RUNNING) {
      return;
    }
    log.info("watcher {}: process {} reached max_age, replacing it", name(), p.pid());
    p.retire();
    manage().onComplete(v -> stopProcess(p, spec.stopSignal(), spec.gracefulTimeout()));
  }

  private void scheduleManage(long delayNanos) {
    if (respawnTimer >= 0) {
      return;
    }
    long millis = Math.max(1, delayNanos / 1_000_000);
    log.warn("watcher {}: processes keep exiting, next respawn in {} ms", name(), millis);
    respawnTimer = runtime.vertx().setTimer(millis, id -> {
      respawnTimer = -1;
      manage();
    });
  }

  private void cancelRespawnTimer() {
    if (respawnTimer >= 0) {
      runtime.vertx().cancelTimer(respawnTimer);
      respawnTimer = -1;
    }
  }

  /** Exits within one throttle window that are still replaced at once: crashes of many at a time are normal. */
  private int respawnBurst() {
    return Math.max(10, 2 * spec.numprocesses());
  }

  // ---------------------------------------------------------------- bookkeeping

  private int liveCount() {
    int live = plannedSpawns;
    for (ManagedProcess p : processes) {
      if (p.isLive()) {
        live++;
      }
    }
    return live;
  }

  /** Live processes with a pid, oldest first. */
  private List<ManagedProcess> runningProcesses() {
    List<ManagedProcess> running = new ArrayList<>();
    for (ManagedProcess p : processes) {
      if (p.isLive() && p.phase() == ManagedProcess.Phase.RUNNING) {
        running.add(p);
      }
    }
    return running;
  }

  private <T> Future<T> serialize(Supplier<Future<T>> operation) {
    Promise<T> result = Promise.promise();
    lifecycle = lifecycle.transform(previous -> {
      Future<T> current;
      try {
        current = operation.get();
      } catch (RuntimeException e) {
        current = Future.failedFuture(e);
      }
      current.onComplete(result);
      return current.transform(done -> Future.succeededFuture());
    });
    return result.future();
  }

  private Future<ProcessChanges> withChanges(Supplier<Future<Void>> operation) {
    List<Integer> before = snapshot.pids();
    return operation.get().map(v -> ProcessChanges.between(before, snapshot.pids()));
  }

  private void state(WatcherState newState) {
    state = newState;
    publishSnapshot();
  }

  private void publish(String event, JsonObject data) {
    if (!data.containsKey("time")) {
      data.put("time", EpochTime.now());
    }
    runtime.events().publish(name(), event, data);
  }

  private void publishSnapshot() {
    List<ProcessInfo> alive = new ArrayList<>();
    for (ManagedProcess p : processes) {
      if (p.child() != null && p.phase() != ManagedProcess.Phase.EXITED) {
        alive.add(new ProcessInfo(p.pid(), p.wid(), p.started()));
      }
    }
    snapshot = new WatcherSnapshot(spec, state, alive);
  }
}
