package io.circus.daemon;

import io.circus.arbiter.HookLoader;
import io.circus.config.CircusConfig;
import io.circus.config.ConfigError;
import io.circus.config.ConfigException;
import io.circus.config.PluginSpec;
import io.circus.config.StreamSpec;
import io.circus.config.WatcherSpec;
import io.circus.plugins.PluginClasses;
import io.circus.plugins.PluginOptionException;
import io.circus.stream.StreamFactory;
import java.util.ArrayList;
import java.util.List;

/**
 * Checks what a configuration names by class before circusd runs it: every hook class, every
 * stream class of the user's, every plugin class and each plugin's options as the plugin itself reads them. The configuration
 * reader checks only the form of these names; here they are loaded.
 */
public final class ConfiguredClasses {

  private ConfiguredClasses() {
  }

  /** @throws ConfigException listing every class or plugin option that cannot be used */
  public static CircusConfig checked(CircusConfig config) {
    List<ConfigError> errors = new ArrayList<>();
    for (WatcherSpec watcher : config.watchers()) {
      streamClass(watcher, "stdout_stream", watcher.stdoutStream(), errors);
      streamClass(watcher, "stderr_stream", watcher.stderrStream(), errors);
      watcher.hooks().forEach((hook, spec) -> {
        try {
          HookLoader.load(spec.className());
        } catch (IllegalArgumentException e) {
          errors.add(new ConfigError(watcher.source(), "watcher:" + watcher.name(), "hooks." + hook, spec.className(), e.getMessage()));
        }
      });
    }
    for (PluginSpec plugin : config.plugins()) {
      String section = PluginSpec.WATCHER_PREFIX + plugin.name();
      try {
        PluginClasses.check(plugin);
      } catch (PluginOptionException e) {
        errors.add(new ConfigError(plugin.source(), section, e.option(), e.value(), e.expected()));
      } catch (IllegalArgumentException e) {
        errors.add(new ConfigError(plugin.source(), section, "use", plugin.use(), e.getMessage()));
      }
    }
    if (!errors.isEmpty()) {
      throw new ConfigException(errors);
    }
    return config;
  }

  /** A stream class of the user's (Circus's own are known by their short names) must be loadable. */
  private static void streamClass(WatcherSpec watcher, String prefix, StreamSpec stream, List<ConfigError> errors) {
    if (stream == null || StreamFactory.isBuiltin(stream.className())) return;
    try {
      StreamFactory.customClass(stream.className());
    } catch (IllegalArgumentException e) {
      errors.add(new ConfigError(watcher.source(), "watcher:" + watcher.name(), prefix + ".class", stream.className(), e.getMessage()));
    }
  }
}
