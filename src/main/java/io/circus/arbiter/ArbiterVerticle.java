package io.circus.arbiter;

import io.circus.config.ArbiterSpec;
import io.circus.config.CircusConfig;
import io.circus.config.WatcherSpec;
import io.circus.process.ProcessLauncher;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VerticleBase;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The verticle whose context owns an {@link Arbiter}: it creates the process launcher and the
 * arbiter, registers the configured watchers (stopped), and on undeploy stops every watcher and
 * then the launcher, so no child outlives it.
 */
public final class ArbiterVerticle extends VerticleBase {

  private final CircusConfig config;
  private final Supplier<ProcessLauncher> launcherFactory;
  private final Map<String, String> daemonEnvironment;
  private ProcessLauncher launcher;
  private WorkerSpawner spawner;
  private Arbiter arbiter;

  public ArbiterVerticle(CircusConfig config, Supplier<ProcessLauncher> launcherFactory, Map<String, String> daemonEnvironment) {
    this.config = config;
    this.launcherFactory = launcherFactory;
    this.daemonEnvironment = Map.copyOf(daemonEnvironment);
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

  /** Deploys an arbiter for a loaded configuration, with the environment children may copy. */
  public static Future<Arbiter> deploy(Vertx vertx, CircusConfig config, Supplier<ProcessLauncher> launcherFactory,
      Map<String, String> daemonEnvironment) {
    ArbiterVerticle verticle = new ArbiterVerticle(config, launcherFactory, daemonEnvironment);
    return vertx.deployVerticle(verticle, new DeploymentOptions()).map(id -> verticle.arbiter());
  }

  public Arbiter arbiter() {
    return arbiter;
  }

  @Override
  public Future<?> start() {
    launcher = launcherFactory.get();
    spawner = new WorkerSpawner(vertx, launcher);
    ArbiterSpec spec = config.arbiter();
    double maxRespawnDelay = spec.checkDelay() > 0 ? spec.checkDelay() : 5.0;
    WatcherRuntime runtime = new WatcherRuntime(vertx, context, spawner, launcher::signalPid,
        new BusEventPublisher(vertx.eventBus()), new SpawnRequestFactory(daemonEnvironment), maxRespawnDelay);
    arbiter = new Arbiter(config, runtime);
    Future<?> registered = Future.succeededFuture();
    for (WatcherSpec watcherSpec : config.watchers()) {
      registered = registered.compose(v -> arbiter.add(watcherSpec));
    }
    return registered;
  }

  @Override
  public Future<?> stop() {
    return arbiter.stop().onComplete(done -> {
      spawner.close();
      launcher.close();
    });
  }
}
