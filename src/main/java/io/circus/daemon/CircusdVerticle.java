package io.circus.daemon;

import io.circus.arbiter.Arbiter;
import io.circus.arbiter.ArbiterVerticle;
import io.circus.config.CircusConfig;
import io.circus.config.CircusConfigReader;
import io.circus.config.ConfigException;
import io.circus.process.NativeProcessLauncher;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import java.nio.file.Path;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The circusd daemon inside Vert.x: writes the pid file, deploys the arbiter with the loaded
 * configuration, starts the watchers, reloads the configuration on demand, and on undeploy stops
 * everything and removes the pid file.
 */
public final class CircusdVerticle extends VerticleBase {

  private static final Logger log = LoggerFactory.getLogger(CircusdVerticle.class);

  private final CircusConfig config;
  private final String pidfile;
  private final Map<String, String> daemonEnvironment;
  private Arbiter arbiter;
  private PidFile pidFile;

  /**
   * @param config the configuration, already loaded and validated
   * @param pidfile the pid file to write (the command line's or the config's), null for none
   */
  public CircusdVerticle(CircusConfig config, String pidfile, Map<String, String> daemonEnvironment) {
    this.config = config;
    this.pidfile = pidfile;
    this.daemonEnvironment = Map.copyOf(daemonEnvironment);
  }

  public Arbiter arbiter() {
    return arbiter;
  }

  @Override
  public Future<?> start() {
    config.warnings().forEach(warning -> log.warn("{}", warning));
    config.inactiveOptions().forEach(option -> log.warn("{}: accepted, but not applied by this version yet", option));
    return vertx.executeBlocking(this::writePidFile)
        .compose(v -> ArbiterVerticle.deploy(vertx, config, NativeProcessLauncher::new, daemonEnvironment))
        .onSuccess(deployed -> {
          arbiter = deployed;
          log.info("circusd started with {} watcher(s), pid {}", config.watchers().size(), ProcessHandle.current().pid());
          arbiter.start().onFailure(e -> log.error("starting the watchers failed", e));
        });
  }

  /**
   * Reads the configuration file again and applies what changed (new watchers start, removed ones
   * stop, changed ones restart, the rest is left alone). A configuration with errors is refused:
   * the daemon keeps running on the old one.
   */
  public Future<Void> reloadConfiguration() {
    if (config.file() == null) {
      return Future.failedFuture(new IllegalStateException("circusd was not started from a configuration file"));
    }
    return CircusConfigReader.read(vertx, Path.of(config.file()), daemonEnvironment)
        .compose(newConfig -> arbiter.applyConfig(newConfig))
        .onSuccess(diff -> log.info("configuration reloaded: {}", diff))
        .<Void>mapEmpty()
        .onFailure(e -> log.error("configuration not reloaded: {}", e instanceof ConfigException ? e.getMessage() : e.toString()));
  }

  @Override
  public Future<?> stop() {
    // The arbiter verticle is a child deployment: Vert.x undeploys it (stopping every watcher) first.
    return vertx.executeBlocking(() -> {
      if (pidFile != null) {
        pidFile.remove();
      }
      return null;
    });
  }

  private Void writePidFile() throws Exception {
    if (pidfile != null && !pidfile.isBlank()) {
      pidFile = PidFile.write(Path.of(pidfile));
    }
    return null;
  }
}
