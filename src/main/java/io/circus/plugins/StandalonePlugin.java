package io.circus.plugins;

import io.vertx.core.Vertx;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A plugin in a process of its own ({@code bin/circus-plugin}): its own Vert.x, circusd reached
 * over ZeroMQ. The process ends with the plugin: status 0 after a stop (SIGTERM, SIGINT), 1 when
 * it cannot start, crashes or hangs, so that the watcher running it restarts it.
 */
public final class StandalonePlugin {

  private static final Logger log = LoggerFactory.getLogger(StandalonePlugin.class);
  private static final long STOP_TIMEOUT_SECONDS = 30;

  private StandalonePlugin() {
  }

  /**
   * Circus's {@code --config} text, {@code key:value:::key:value}: items without a colon are
   * skipped, keys and values trimmed.
   */
  public static Map<String, String> parseConfig(String text) {
    Map<String, String> config = new LinkedHashMap<>();
    if (text == null) {
      return config;
    }
    for (String item : text.split(":::")) {
      int colon = item.indexOf(':');
      if (colon >= 0) {
        config.put(item.substring(0, colon).strip(), item.substring(colon + 1).strip());
      }
    }
    return config;
  }

  /**
   * The plugin's name: {@code --name}, else the {@code name} circusd puts in the configuration
   * ({@code plugin:NAME}), else the class's simple name in lower case.
   */
  public static String name(String explicit, Map<String, String> config, String use) {
    if (explicit != null && !explicit.isBlank()) {
      return explicit;
    }
    String configured = config.get("name");
    if (configured != null && !configured.isBlank()) {
      return configured.startsWith("plugin:") ? configured.substring("plugin:".length()) : configured;
    }
    String className = PluginClasses.javaName(use);
    return className.substring(className.lastIndexOf('.') + 1).toLowerCase(java.util.Locale.ROOT);
  }

  /**
   * Runs the plugin until it stops and returns the exit status.
   *
   * @throws IllegalArgumentException when the class or an option cannot be used
   */
  public static int run(String use, String name, Map<String, String> config, String endpoint, String pubsubEndpoint) {
    CircusPlugin plugin = PluginClasses.instantiate(use);
    CompletableFuture<Integer> exit = new CompletableFuture<>();
    PluginOptions options = new PluginOptions(config);
    plugin.setUp(name, options, new ZmqChannel(endpoint, pubsubEndpoint), error -> {
      log.error("plugin {} crashed: {}", name, error.toString(), error);
      exit.complete(1);
    });
    Vertx vertx = Vertx.vertx();
    log.info("Loading the plugin {} ({}); endpoint {}, pub/sub {}", name, plugin.getClass().getName(), endpoint, pubsubEndpoint);
    Thread stopper = new Thread(() -> stop(vertx, exit), "circus-plugin-stop");
    Runtime.getRuntime().addShutdownHook(stopper);
    vertx.deployVerticle(plugin, PluginDeployment.options(plugin)).onComplete(deployed -> {
      if (deployed.failed()) {
        log.error("plugin {} did not start: {}", name, deployed.cause().toString(), deployed.cause());
        exit.complete(1);
        return;
      }
      log.info("Starting");
      PluginDeployment.watchHangs(vertx, plugin, PluginDeployment.hangTimeoutNanos(options), () -> exit.complete(1));
    });
    int status = exit.join();
    if (status != 0) {
      Runtime.getRuntime().removeShutdownHook(stopper);
      stop(vertx, exit);
    }
    return status;
  }

  /** Undeploys the plugin (its handleStop runs) and closes Vert.x, within a bound. */
  private static void stop(Vertx vertx, CompletableFuture<Integer> exit) {
    log.info("Stopping");
    exit.complete(0);
    try {
      vertx.close().toCompletionStage().toCompletableFuture().get(STOP_TIMEOUT_SECONDS, TimeUnit.SECONDS);
    } catch (TimeoutException e) {
      log.warn("the plugin did not stop within {} s", STOP_TIMEOUT_SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (java.util.concurrent.ExecutionException e) {
      log.warn("stopping the plugin failed: {}", e.getCause().toString());
    }
  }
}
