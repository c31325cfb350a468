package io.circus.arbiter;

import io.circus.config.ArbiterSpec;
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

  private final ArbiterSpec spec;
  private final List<WatcherSpec> watcherSpecs;
  private final Supplier<ProcessLauncher> launcherFactory;
  private final Map<String, String> daemonEnvironment;
  private ProcessLauncher launcher;
  private WorkerSpawner spawner;
  private Arbiter arbiter;

  public ArbiterVerticle(ArbiterSpec spec, List<WatcherSpec> watcherSpecs, Supplier<ProcessLauncher> launcherFactory,
      Map<String, String> daemonEnvironment) {
    this.spec = spec;
    this.watcherSpecs = List.copyOf(watcherSpecs);
    this.launcherFactory = launcherFactory;
    this.daemonEnvironment = Map.copyOf(daemonEnvironment);
  }

  /**
   * Deploys an arbiter with these watchers (registered, not started) and hands it back once it is
   * ready: the library entry point, Circus's {@code get_arbiter}.
   */
  public static Future<Arbiter> deploy(Vertx vertx, ArbiterSpec spec, List<WatcherSpec> watchers,
      Supplier<ProcessLauncher> launcherFactory) {
    ArbiterVerticle verticle = new ArbiterVerticle(spec, watchers, launcherFactory, System.getenv());
    return vertx.deployVerticle(verticle, new DeploymentOptions()).map(id -> verticle.arbiter());
  }

  public Arbiter arbiter() {
    return arbiter;
  }

  @Override
  public Future<?> start() {
    launcher = launcherFactory.get();
    spawner = new WorkerSpawner(vertx, launcher);
    double maxRespawnDelay = spec.checkDelay() > 0 ? spec.checkDelay() : 5.0;
    WatcherRuntime runtime = new WatcherRuntime(vertx, context, spawner, launcher::signalPid,
        new BusEventPublisher(vertx.eventBus()), new SpawnRequestFactory(daemonEnvironment), maxRespawnDelay);
    arbiter = new Arbiter(spec, runtime);
    Future<?> registered = Future.succeededFuture();
    for (WatcherSpec watcherSpec : watcherSpecs) {
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
