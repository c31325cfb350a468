package io.circus.arbiter;

import io.circus.config.ArbiterSpec;
import io.circus.config.CircusConfig;
import io.circus.config.WatcherSpec;
import io.circus.process.ProcessLauncher;
import io.circus.sockets.CircusSockets;
import io.circus.stream.OutputStreams;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VerticleBase;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The verticle whose context owns an {@link Arbiter}: it creates the process launcher, binds the
 * configured sockets (before any watcher can start), creates the arbiter and registers the
 * configured watchers and plugins (stopped). On undeploy it stops every watcher, closes the
 * sockets, then the launcher, so no child outlives it.
 */
public final class ArbiterVerticle extends VerticleBase {

  private final CircusConfig config;
  private final Supplier<ProcessLauncher> launcherFactory;
  private final Map<String, String> daemonEnvironment;
  private final PluginRunner plugins;
  private ProcessLauncher launcher;
  private WorkerSpawner spawner;
  private CircusSockets sockets;
  private Arbiter arbiter;
  private OutputStreams outputs;

  public ArbiterVerticle(CircusConfig config, Supplier<ProcessLauncher> launcherFactory, Map<String, String> daemonEnvironment,
      PluginRunner plugins) {
    this.config = config;
    this.launcherFactory = launcherFactory;
    this.daemonEnvironment = Map.copyOf(daemonEnvironment);
    this.plugins = plugins;
  }

  /**
   * Deploys an arbiter with these watchers (registered, not started) and hands it back once it is
   * ready: the library entry point, Circus's {@code get_arbiter}.
   */
  public static Future<Arbiter> deploy(Vertx vertx, ArbiterSpec spec, List<WatcherSpec> watchers,
      Supplier<ProcessLauncher> launcherFactory) {
    CircusConfig config = new CircusConfig(null, spec, watchers, List.of(), List.of(), List.of(), List.of());
    return deploy(vertx, config, launcherFactory, System.getenv());
  }

  /**
   * Deploys an arbiter for a loaded configuration without plugins, with the environment children
   * may copy. Fails with a {@link io.circus.config.ConfigException} when a socket cannot be bound.
   */
  public static Future<Arbiter> deploy(Vertx vertx, CircusConfig config, Supplier<ProcessLauncher> launcherFactory,
      Map<String, String> daemonEnvironment) {
    return deploy(vertx, config, launcherFactory, daemonEnvironment, PluginRunner.NONE);
  }

  /** Deploys an arbiter for a loaded configuration whose plugins {@code plugins} runs. */
  public static Future<Arbiter> deploy(Vertx vertx, CircusConfig config, Supplier<ProcessLauncher> launcherFactory,
      Map<String, String> daemonEnvironment, PluginRunner plugins) {
    ArbiterVerticle verticle = new ArbiterVerticle(config, launcherFactory, daemonEnvironment, plugins);
    return vertx.deployVerticle(verticle, new DeploymentOptions()).map(id -> verticle.arbiter());
  }

  public Arbiter arbiter() {
    return arbiter;
  }

  @Override
  public Future<?> start() {
    launcher = launcherFactory.get();
    spawner = new WorkerSpawner(vertx, launcher);
    sockets = new CircusSockets(vertx, context, launcher);
    outputs = new OutputStreams(vertx);
    ArbiterSpec spec = config.arbiter();
    double maxRespawnDelay = spec.checkDelay() > 0 ? spec.checkDelay() : 5.0;
    WatcherRuntime runtime = new WatcherRuntime(vertx, context, spawner, launcher::signalPid,
        new BusEventPublisher(vertx.eventBus()), new SpawnRequestFactory(daemonEnvironment, sockets), sockets,
        outputs, maxRespawnDelay);
    arbiter = new Arbiter(config, runtime, plugins);
    return sockets.open(config.sockets()).compose(v -> arbiter.registerConfigured()).onFailure(e -> closeLauncher());
  }

  @Override
  public Future<?> stop() {
    return arbiter.stop().transform(stopped -> sockets.closeAll()).transform(closed -> outputs.close())
        .onComplete(done -> closeLauncher());
  }

  private void closeLauncher() {
    spawner.close();
    launcher.close();
  }
}
