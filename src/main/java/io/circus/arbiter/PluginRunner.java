package io.circus.arbiter;

import io.circus.config.PluginSpec;

/**
 * How an arbiter runs its {@code [plugin:NAME]} sections. Each plugin is a watcher named
 * {@code plugin:NAME} (listed, started, stopped and restarted like any watcher, as in Circus);
 * its processes are started by the spawner given here instead of the process launcher.
 */
@FunctionalInterface
public interface PluginRunner {

  /** The spawner of the watcher that runs {@code plugin}. */
  Spawner spawner(PluginSpec plugin);

  /** For arbiters without plugins: a configuration with plugins is refused. */
  PluginRunner NONE = plugin -> {
    throw new IllegalArgumentException("plugin " + plugin.name() + ": this arbiter runs no plugins");
  };
}
