package io.circus.plugins;

import io.vertx.core.DeploymentOptions;
import io.vertx.core.ThreadingModel;
import io.vertx.core.Vertx;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What deploying a plugin means wherever it runs, in circusd or in its own process: the
 * deployment options (its options as {@code config()}; a worker thread of its own unless it runs
 * on an event loop) and the watch for callbacks that never return ({@code hang_timeout}).
 */
final class PluginDeployment {

  private static final Logger log = LoggerFactory.getLogger(PluginDeployment.class);
  private static final AtomicLong POOLS = new AtomicLong();
  static final double DEFAULT_HANG_TIMEOUT = 30.0;

  private PluginDeployment() {
  }

  static DeploymentOptions options(CircusPlugin plugin) {
    DeploymentOptions options = new DeploymentOptions().setConfig(plugin.options().toJson());
    if (!plugin.runsOnEventLoop()) {
      // A pool per instance: a hung instance that is abandoned keeps its thread, not its successor's.
      options.setThreadingModel(ThreadingModel.WORKER).setWorkerPoolSize(1)
          .setWorkerPoolName("circus-plugin-" + plugin.name() + "-" + POOLS.incrementAndGet());
    }
    return options;
  }

  static long hangTimeoutNanos(PluginOptions options) {
    return Math.round(options.seconds("hang_timeout", DEFAULT_HANG_TIMEOUT) * 1e9);
  }

  /**
   * Checks the plugin's callbacks until cancelled (the timer id is returned): once one has run
   * for {@code hangTimeoutNanos}, logs where it is stuck, calls {@code onHang}, then interrupts it.
   */
  static long watchHangs(Vertx vertx, CircusPlugin plugin, long hangTimeoutNanos, Runnable onHang) {
    long period = Math.max(100, Math.min(1000, hangTimeoutNanos / 2_000_000));
    return vertx.setPeriodic(period, id -> {
      long busy = plugin.busyNanos();
      if (busy < hangTimeoutNanos) {
        return;
      }
      vertx.cancelTimer(id);
      Thread thread = plugin.busyThread();
      log.error("plugin {} has been stuck in a callback for {} s (hang_timeout), it will be restarted; stuck at {}",
          plugin.name(), busy / 1_000_000_000, thread == null ? "?" : Arrays.toString(thread.getStackTrace()));
      onHang.run();
      if (thread != null) {
        thread.interrupt(); // after onHang, so what it throws now is not taken for a crash
      }
    });
  }
}
