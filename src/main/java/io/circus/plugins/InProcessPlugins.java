package io.circus.plugins;

import io.circus.arbiter.PluginRunner;
import io.circus.arbiter.Spawner;
import io.circus.config.PluginSpec;
import io.circus.process.ChildProcess;
import io.vertx.core.Future;
import io.vertx.core.Vertx;

/**
 * Runs the plugins of circusd's configuration inside circusd: each start of a plugin's watcher
 * deploys a fresh instance of its class as a verticle on the event bus.
 */
public final class InProcessPlugins implements PluginRunner {

  private final Vertx vertx;

  public InProcessPlugins(Vertx vertx) {
    this.vertx = vertx;
  }

  @Override
  public Spawner spawner(PluginSpec plugin) {
    return (request, listener) -> {
      CircusPlugin instance;
      try {
        instance = PluginClasses.instantiate(plugin.use());
      } catch (IllegalArgumentException e) {
        return Future.<ChildProcess>failedFuture(e);
      }
      return new PluginInstance(vertx, plugin, instance, listener).deploy();
    };
  }
}
