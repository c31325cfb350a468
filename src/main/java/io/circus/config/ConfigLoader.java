package io.circus.config;

import java.nio.file.Path;
import java.util.Map;

/**
 * Reads a configuration synchronously, for tests and tools (blocking I/O: never on an event loop;
 * circusd uses {@link CircusConfigReader}). Both go through {@link IncludeResolver} and
 * {@link ConfigValidator}.
 */
public final class ConfigLoader {

  private ConfigLoader() {
  }

  /**
   * @param daemonEnv circusd's environment ({@code [env]} {@code $NAME}, {@code $(circus.env.X)}, copy_env)
   * @throws ConfigException with every problem found
   */
  public static CircusConfig load(Path file, Map<String, String> daemonEnv) {
    IniDocument document = IncludeResolver.resolve(file, ConfigFiles.readMain(file), daemonEnv);
    return ConfigValidator.validate(document, daemonEnv);
  }
}
