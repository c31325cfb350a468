package io.circus.arbiter;

import io.circus.config.HookSpec;
import io.circus.config.WatcherSpec;
import io.circus.process.ChildProcess;
import io.circus.process.Signals;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.json.JsonObject;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The hooks of one watcher: resolved from its spec, run off the event loop with the watcher's
 * {@code hooks_timeout}, each run published as {@code hook_success} or {@code hook_failure}. Used
 * on the arbiter's context only; the futures it returns complete there.
 */
final class WatcherHooks {

  static final String BEFORE_START = "before_start";
  static final String AFTER_START = "after_start";
  static final String BEFORE_SPAWN = "before_spawn";
  static final String AFTER_SPAWN = "after_spawn";
  static final String BEFORE_STOP = "before_stop";
  static final String AFTER_STOP = "after_stop";
  static final String BEFORE_SIGNAL = "before_signal";
  static final String AFTER_SIGNAL = "after_signal";
  static final String BEFORE_REAP = "before_reap";
  static final String AFTER_REAP = "after_reap";
  static final String EXTENDED_STATS = "extended_stats";

  /** Hooks whose failure (an exception, the time-out) never stops what they surround. */
  private static final Set<String> FAILURE_IGNORED = Set.of(BEFORE_STOP, AFTER_STOP, BEFORE_SIGNAL, AFTER_SIGNAL, EXTENDED_STATS);

  private static final Logger log = LoggerFactory.getLogger(WatcherHooks.class);
  private static final ExecutorService THREADS = Executors.newCachedThreadPool(new HookThreads());

  private final Watcher watcher;
  private final WatcherRuntime runtime;
  private Map<String, Resolved> hooks = Map.of();
  private long timeoutMillis;

  private record Resolved(HookSpec spec, Hook hook) {
  }

  WatcherHooks(Watcher watcher, WatcherRuntime runtime) {
    this.watcher = watcher;
    this.runtime = runtime;
  }

  /**
   * Takes the hooks of {@code spec}, creating an instance for each class not in use yet.
   *
   * @throws IllegalArgumentException when a hook class cannot be used; the hooks in use stay
   */
  void configure(WatcherSpec spec) {
    Map<String, Resolved> resolved = new HashMap<>();
    spec.hooks().forEach((name, hookSpec) -> {
      Resolved current = hooks.get(name);
      boolean sameClass = current != null && current.spec().className().equals(hookSpec.className());
      try {
        resolved.put(name, new Resolved(hookSpec, sameClass ? current.hook() : HookLoader.load(hookSpec.className())));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("watcher " + spec.name() + ", hooks." + name + ": expected " + e.getMessage(), e);
      }
    });
    hooks = Map.copyOf(resolved);
    timeoutMillis = Math.max(1, Math.round(spec.hooksTimeout() * 1000));
  }

  /**
   * Runs hook {@code name} if the watcher has one and completes with its verdict: what it
   * returned, or after a failure whether the failure is ignored. Without such a hook, true at
   * once (synchronously).
   */
  Future<Boolean> run(String name, JsonObject details) {
    Resolved resolved = hooks.get(name);
    if (resolved == null) {
      return Future.succeededFuture(true);
    }
    HookCall call = new HookCall(name, watcher, runtime.vertx(), details);
    Promise<Boolean> outcome = Promise.promise();
    RunningHook running = new RunningHook();
    long timer = runtime.vertx().setTimer(timeoutMillis, id -> {
      if (outcome.tryFail(new HookTimeoutException(timeoutMillis))) {
        running.interrupt();
      }
    });
    THREADS.execute(() -> {
      running.started();
      boolean result = false;
      Throwable failure = null;
      try {
        result = resolved.hook().run(call);
      } catch (Throwable e) { // whatever a hook throws is its failure, never the daemon's
        failure = e;
      } finally {
        running.finished();
      }
      boolean verdict = result;
      Throwable error = failure;
      runtime.context().runOnContext(v -> {
        runtime.vertx().cancelTimer(timer);
        if (error == null) outcome.tryComplete(verdict); else outcome.tryFail(error);
      });
    });
    return outcome.future().transform(done -> Future.succeededFuture(conclude(name, resolved.spec(), done.succeeded(),
        done.succeeded() && done.result(), done.cause())));
  }

  /**
   * Sends {@code signal} to a process of the watcher between {@code before_signal}, which may
   * veto any signal but SIGKILL, and {@code after_signal}. Completes with whether it was delivered.
   */
  Future<Boolean> signal(ChildProcess child, int signal) {
    JsonObject details = new JsonObject().put("pid", child.pid()).put("signum", signal);
    return run(BEFORE_SIGNAL, details.copy()).compose(allowed -> {
      boolean delivered = false;
      if (allowed || signal == Signals.SIGKILL) {
        delivered = child.signal(signal);
      } else {
        log.info("watcher {}: the before_signal hook kept signal {} from process {}", watcher.name(), signal, child.pid());
      }
      boolean result = delivered;
      return run(AFTER_SIGNAL, details.copy()).map(ignored -> result);
    });
  }

  private boolean conclude(String name, HookSpec spec, boolean ran, boolean result, Throwable failure) {
    JsonObject event = new JsonObject().put("name", name).put("time", EpochTime.now());
    if (ran) {
      runtime.events().publish(watcher.name(), "hook_success", event);
      return result;
    }
    log.error("watcher {}: hook {} ({}) failed", watcher.name(), name, spec.className(), failure);
    String error = failure.getMessage() != null ? failure.getMessage() : failure.toString();
    runtime.events().publish(watcher.name(), "hook_failure", event.put("error", error));
    return spec.ignoreFailure() || FAILURE_IGNORED.contains(name);
  }

  /** A hook that did not return within {@code hooks_timeout}. */
  static final class HookTimeoutException extends Exception {
    HookTimeoutException(long millis) {
      super("timed out after " + millis / 1000.0 + " s (hooks_timeout)", null, false, false);
    }
  }

  /**
   * The thread running one hook, so a time-out can interrupt that hook and never the next task of
   * the same pool thread (the lock only hands over the thread, it guards no supervisor state).
   */
  private static final class RunningHook {
    private Thread thread;

    synchronized void started() {
      thread = Thread.currentThread();
    }

    synchronized void finished() {
      thread = null;
      Thread.interrupted(); // a late interrupt must not reach the pool's next task
    }

    synchronized void interrupt() {
      if (thread != null) thread.interrupt();
    }
  }

  /** Daemon threads: a hook stuck for good must not keep the JVM from exiting. */
  private static final class HookThreads implements ThreadFactory {
    private final AtomicInteger count = new AtomicInteger();

    @Override
    public Thread newThread(Runnable task) {
      Thread thread = new Thread(task, "circus-hook-" + count.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    }
  }
}
