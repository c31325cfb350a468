package io.circus.config;

import java.util.List;

/**
 * A loaded and validated configuration. {@code file} is the main configuration file (null for a
 * configuration built from code); watchers keep the order of the file (sorted by name, as Circus
 * registers them). {@code inactiveOptions} lists, once each, the options that were accepted but
 * whose feature this build does not apply yet, as "section option" texts, for a log line;
 * {@code warnings} holds what was accepted but deserves a log line (an include that matched no
 * file, {@code shell_args} without {@code shell}, ...).
 */
public record CircusConfig(
    String file,
    ArbiterSpec arbiter,
    List<WatcherSpec> watchers,
    List<SocketSpec> sockets,
    List<PluginSpec> plugins,
    List<String> inactiveOptions,
    List<String> warnings) {

  public CircusConfig {
    watchers = List.copyOf(watchers);
    sockets = List.copyOf(sockets);
    plugins = List.copyOf(plugins);
    inactiveOptions = List.copyOf(inactiveOptions);
    warnings = List.copyOf(warnings);
  }
}
