package io.circus.daemon;

import io.circus.config.CircusConfig;
import io.circus.config.ConfigException;
import io.circus.process.Detach;
import io.vertx.core.Deployable;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.launcher.application.HookContext;
import io.vertx.launcher.application.VertxApplicationHooks;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Plugs circusd into Vert.x's application launcher: a lean Vert.x by default (a supervisor needs
 * few threads and no file cache), the daemon verticle as the main verticle, and a record of the
 * Vert.x instance for the signal handlers.
 */
final class CircusdHooks implements VertxApplicationHooks {

  private static final Logger log = LoggerFactory.getLogger(CircusdHooks.class);

  private final CircusdVerticle verticle;
  private final DaemonShutdown shutdown;
  private volatile Vertx vertx;
  private volatile ConfigException refusedConfiguration;

  private CircusdHooks(CircusConfig config, String pidfile) {
    this.verticle = new CircusdVerticle(config, pidfile, Detach.daemonEnvironment(), () -> shutdown().afterQuit());
    this.shutdown = new DaemonShutdown(this::vertx, verticle::stopEveryWatcherFromAnyThread);
  }

  Vertx vertx() {
    return vertx;
  }

  DaemonShutdown shutdown() {
    return shutdown;
  }

  CircusdVerticle verticle() {
    return verticle;
  }

  /** What in the configuration kept the daemon from starting (a socket that cannot be bound), if so. */
  Optional<ConfigException> refusedConfiguration() {
    return Optional.ofNullable(refusedConfiguration);
  }

  @Override
  public JsonObject afterVertxOptionsParsed(JsonObject vertxOptions) {
    JsonObject options = vertxOptions == null ? new JsonObject() : vertxOptions;
    if (!options.containsKey("eventLoopPoolSize")) {
      options.put("eventLoopPoolSize", Math.min(2, Runtime.getRuntime().availableProcessors()));
    }
    if (!options.containsKey("workerPoolSize")) {
      options.put("workerPoolSize", 4);
    }
    if (!options.containsKey("fileSystemOptions")) {
      options.put("fileSystemOptions", new JsonObject().put("fileCachingEnabled", false).put("classPathResolvingEnabled", false));
    }
    return options;
  }

  @Override
  public void afterVertxStarted(HookContext context) {
    vertx = context.vertx();
  }

  @Override
  public Supplier<? extends Deployable> verticleSupplier() {
    return () -> verticle;
  }

  @Override
  public void afterFailureToDeployVerticle(HookContext context, Throwable t) {
    if (t instanceof ConfigException refused) {
      refusedConfiguration = refused; // reported as the configuration's other errors are
      return;
    }
    if (t instanceof StartRefusedException) {
      log.error("circusd could not start: {}", t.getMessage());
    } else {
      log.error("circusd could not start", t);
    }
  }

  @Override
  public void afterFailureToStartVertx(HookContext context, Throwable t) {
    log.error("Vert.x could not start: {}", t.getMessage());
  }

  static CircusdHooks forConfig(CircusConfig config, String pidfile) {
    return new CircusdHooks(config, pidfile);
  }
}
