package io.circus.plugins;

import io.circus.config.PluginSpec;
import io.circus.process.ChildProcess;
import io.circus.process.ExitStatus;
import io.circus.process.ProcessListener;
import io.circus.process.Signals;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One running instance of an in-process plugin, seen by its watcher as a process: circusd's pid
 * (the plugin runs inside it), stopped by signals as a process is, and reported as exited when it
 * stops, crashes or hangs, so the watcher's rules (respawn, max_retry, crash-loop back-off)
 * apply. A terminating signal undeploys it ({@code handleStop} runs); SIGKILL, or a plugin that
 * does not stop within its watcher's graceful timeout, is abandoned at once.
 */
final class PluginInstance implements ChildProcess {

  private static final Logger log = LoggerFactory.getLogger(PluginInstance.class);
  private static final int PID = (int) ProcessHandle.current().pid();
  /** Signals whose default action leaves a process running. */
  private static final Set<Integer> HARMLESS = Set.of(Signals.SIGCONT, Signals.SIGSTOP, Signals.SIGWINCH,
      17 /* SIGCHLD */, 20 /* SIGTSTP */, 21 /* SIGTTIN */, 22 /* SIGTTOU */, 23 /* SIGURG */);

  private final Vertx vertx;
  private final PluginSpec spec;
  private final CircusPlugin plugin;
  private final ProcessListener listener;
  private final long hangTimeoutNanos;
  private final AtomicBoolean exited = new AtomicBoolean();
  private final AtomicBoolean stopping = new AtomicBoolean();
  private volatile String deploymentId;
  private long hangCheck = -1;

  PluginInstance(Vertx vertx, PluginSpec spec, CircusPlugin plugin, ProcessListener listener) {
    this.vertx = vertx;
    this.spec = spec;
    this.plugin = plugin;
    this.listener = listener;
    this.hangTimeoutNanos = PluginDeployment.hangTimeoutNanos(new PluginOptions(spec.options()));
  }

  /** Deploys the plugin; completes (on the caller's context) once its handleInit is done. */
  Future<ChildProcess> deploy() {
    try {
      plugin.setUp(spec.name(), new PluginOptions(spec.options()), new BusChannel(vertx), this::crashed);
    } catch (RuntimeException e) {
      return Future.failedFuture(e);
    }
    Future<String> deployment = vertx.deployVerticle(plugin, PluginDeployment.options(plugin));
    return deployment.timeout(hangTimeoutNanos, TimeUnit.NANOSECONDS)
        .recover(e -> {
          exited.set(true);
          deployment.onSuccess(vertx::undeploy); // started after all, too late: take it down
          return Future.failedFuture(new IllegalStateException("plugin " + spec.name() + " did not start: " + e.getMessage(), e));
        })
        .map(id -> {
          deploymentId = id;
          hangCheck = PluginDeployment.watchHangs(vertx, plugin, hangTimeoutNanos, () -> abandon(ExitStatus.killed(Signals.SIGKILL)));
          log.info("plugin {} ({}) started", spec.name(), plugin.getClass().getName());
          return this;
        });
  }

  @Override
  public int pid() {
    return PID;
  }

  @Override
  public boolean isAlive() {
    return !exited.get();
  }

  @Override
  public boolean signal(int signal) {
    if (exited.get()) {
      return false;
    }
    if (signal == Signals.SIGKILL) {
      abandon(ExitStatus.killed(Signals.SIGKILL));
    } else if (!HARMLESS.contains(signal) && stopping.compareAndSet(false, true)) {
      if (!vertx.deploymentIDs().contains(deploymentId)) {
        exit(ExitStatus.killed(signal)); // already undeployed with the arbiter's own deployment
        return true;
      }
      vertx.undeploy(deploymentId).onComplete(done -> {
        if (done.failed()) {
          log.error("plugin {}: its handleStop failed", spec.name(), done.cause());
        }
        exit(ExitStatus.killed(signal));
      });
    }
    return true;
  }

  @Override
  public List<Integer> children() {
    return List.of();
  }

  @Override
  public List<Integer> descendants() {
    return List.of();
  }

  @Override
  public void pauseOutput(boolean paused) {
    // a plugin has no piped output
  }

  private void crashed(Throwable error) {
    if (exited.get()) {
      return;
    }
    log.error("plugin {} crashed, it will be restarted: {}", spec.name(), error.toString(), error);
    abandon(ExitStatus.exited(1));
  }

  /** Reports the exit now and lets the deployment go down in the background. */
  private void abandon(ExitStatus status) {
    if (exit(status) && deploymentId != null && stopping.compareAndSet(false, true) && vertx.deploymentIDs().contains(deploymentId)) {
      vertx.undeploy(deploymentId).onFailure(e -> log.debug("plugin {}: undeploy after it was abandoned: {}", spec.name(), e.toString()));
    }
  }

  private boolean exit(ExitStatus status) {
    if (!exited.compareAndSet(false, true)) {
      return false;
    }
    if (hangCheck >= 0) {
      vertx.cancelTimer(hangCheck);
    }
    listener.onExit(this, status);
    return true;
  }
}
