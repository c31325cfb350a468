package io.circus.daemon;

import io.circus.arbiter.Arbiter;
import io.circus.arbiter.ArbiterVerticle;
import io.circus.arbiter.BusEventPublisher;
import io.circus.commands.CommandContext;
import io.circus.commands.CommandRegistry;
import io.circus.commands.Controller;
import io.circus.commands.DaemonControl;
import io.circus.config.CircusConfig;
import io.circus.config.CircusConfigReader;
import io.circus.config.ConfigDiff;
import io.circus.config.ConfigError;
import io.circus.config.ConfigException;
import io.circus.plugins.InProcessPlugins;
import io.circus.process.NativeProcessLauncher;
import io.circus.stats.ProcessSampler;
import io.circus.stats.StatsVerticle;
import io.circus.zmq.EndpointBindException;
import io.circus.zmq.ZmqBridgeSpec;
import io.circus.zmq.ZmqBridgeVerticle;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.VerticleBase;
import java.nio.file.Path;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The circusd daemon inside Vert.x: writes the pid file, deploys the arbiter with the loaded
 * configuration, the command controller, the ZeroMQ bridge (Circus's controller and events
 * endpoints, and the stats endpoint) and, when {@code statsd} is on, the stats stream; starts the watchers, and answers what commands ask of the daemon as a whole (reload
 * the configuration, restart, quit). On undeploy everything is stopped and the pid file removed.
 */
public final class CircusdVerticle extends VerticleBase implements DaemonControl {

  private static final Logger log = LoggerFactory.getLogger(CircusdVerticle.class);

  private final CircusConfig config;
  private final String pidfile;
  private final Map<String, String> daemonEnvironment;
  private final Runnable exitAction;
  private Arbiter arbiter;
  private PidFile pidFile;
  private Future<Void> quitting;
  private volatile boolean running;

  /**
   * @param config the configuration, already loaded and validated
   * @param pidfile the pid file to write (the command line's or the config's), null for none
   * @param exitAction ends the process once {@code quit} has stopped every watcher
   */
  public CircusdVerticle(CircusConfig config, String pidfile, Map<String, String> daemonEnvironment, Runnable exitAction) {
    this.config = config;
    this.pidfile = pidfile;
    this.daemonEnvironment = Map.copyOf(daemonEnvironment);
    this.exitAction = exitAction;
  }

  public Arbiter arbiter() {
    return arbiter;
  }

  /** True once every part of the daemon is deployed (read from signal handlers). */
  boolean running() {
    return running;
  }

  @Override
  public Future<?> start() {
    config.warnings().forEach(warning -> log.warn("{}", warning));
    config.inactiveOptions().forEach(option -> log.warn("{}: accepted, but not applied by this version yet", option));
    return vertx.executeBlocking(this::writePidFile)
        .compose(v -> ArbiterVerticle.deploy(vertx, config, NativeProcessLauncher::new, daemonEnvironment,
            new InProcessPlugins(vertx)))
        .compose(deployed -> {
          arbiter = deployed;
          CommandContext commands = new CommandContext(vertx, arbiter, new BusEventPublisher(vertx.eventBus()), this,
              new ProcessSampler());
          return vertx.deployVerticle(new Controller(CommandRegistry.circus(), commands));
        })
        .compose(id -> deployZmqBridge())
        .compose(id -> config.arbiter().statsd() ? vertx.deployVerticle(new StatsVerticle(arbiter)) : Future.succeededFuture(id))
        .recover(failure -> removePidFile().transform(removed -> Future.failedFuture(failure)))
        .onSuccess(id -> {
          running = true;
          log.info("circusd started with {} watcher(s), pid {}", config.watchers().size(), ProcessHandle.current().pid());
          arbiter.start().onFailure(e -> log.error("starting the watchers failed", e));
        });
  }

  /**
   * Binds {@code endpoint} and {@code pubsub_endpoint} before any watcher starts; a failure names
   * the option, its value and the OS's reason, and circusd does not start.
   */
  private Future<String> deployZmqBridge() {
    ZmqBridgeSpec spec = ZmqBridgeSpec.of(config.arbiter(), Path.of(workingDirectory()));
    return vertx.deployVerticle(new ZmqBridgeVerticle(spec)).recover(e -> Future.failedFuture(
        e instanceof EndpointBindException bind ? new StartRefusedException(describe(bind), bind) : e));
  }

  private String describe(EndpointBindException bind) {
    return new ConfigError(config.file(), "circus", bind.option(), bind.endpoint(), "cannot bind: " + bind.reason())
        .toString();
  }

  /**
   * Reads the configuration file again and applies what changed (new watchers start, removed ones
   * stop, changed ones restart, the rest is left alone). A configuration with errors is refused:
   * the daemon keeps running on the old one.
   */
  @Override
  public Future<ConfigDiff> reloadConfiguration() {
    return readConfiguration()
        .compose(newConfig -> arbiter.applyConfig(newConfig))
        .onSuccess(diff -> log.info("configuration reloaded: {}", diff))
        .onFailure(e -> log.error("configuration not reloaded: {}", describe(e)));
  }

  /** Stops everything and starts again from the configuration file, if that file is valid. */
  @Override
  public Future<Void> restartArbiter() {
    return readConfiguration()
        .compose(newConfig -> arbiter.restart(newConfig))
        .onFailure(e -> log.error("arbiter not restarted: {}", describe(e)));
  }

  @Override
  public Future<Void> stopAllForQuit() {
    if (quitting == null) {
      log.info("quit: stopping every watcher, then exiting");
    }
    return stopEveryWatcher();
  }

  /**
   * For the signal handlers (any thread): stops every watcher, on this verticle's context, while
   * the endpoints still publish the events of the stop; the same stop as quit's when one began.
   * Before circusd runs, nothing: closing Vert.x stops what started.
   */
  Future<Void> stopEveryWatcherFromAnyThread() {
    if (!running) {
      return Future.succeededFuture();
    }
    Promise<Void> stopped = Promise.promise();
    context.runOnContext(v -> stopEveryWatcher().onComplete(stopped));
    return stopped.future();
  }

  private Future<Void> stopEveryWatcher() {
    if (quitting == null) {
      quitting = arbiter.stop();
    }
    return quitting;
  }

  @Override
  public void exit() {
    stopAllForQuit().onComplete(done -> exitAction.run());
  }

  @Override
  public String workingDirectory() {
    return Path.of("").toAbsolutePath().toString();
  }

  @Override
  public Future<?> stop() {
    // The arbiter, the controller and the ZeroMQ bridge are child deployments: Vert.x undeploys
    // them (stopping every watcher, sending the replies still due) first.
    return removePidFile();
  }

  private Future<Void> removePidFile() {
    return vertx.executeBlocking(() -> {
      if (pidFile != null) {
        pidFile.remove();
      }
      return null;
    });
  }

  private Future<CircusConfig> readConfiguration() {
    if (config.file() == null) {
      return Future.failedFuture(new IllegalStateException("circusd was not started from a configuration file"));
    }
    return CircusConfigReader.read(vertx, Path.of(config.file()), daemonEnvironment)
        .compose(read -> vertx.executeBlocking(() -> ConfiguredClasses.checked(read), false));
  }

  private static String describe(Throwable e) {
    return e instanceof ConfigException ? e.getMessage() : e.toString();
  }

  private Void writePidFile() throws Exception {
    if (pidfile != null && !pidfile.isBlank()) {
      pidFile = PidFile.write(Path.of(pidfile));
    }
    return null;
  }
}
