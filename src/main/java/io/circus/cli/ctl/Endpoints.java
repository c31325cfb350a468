package io.circus.cli.ctl;

import io.circus.client.EventSubscriber;
import io.circus.client.ZmqCircusClient;
import io.circus.config.CircusConfig;
import io.circus.config.ConfigError;
import io.circus.config.ConfigException;
import io.circus.config.ConfigLoader;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Where circusctl connects: the command endpoint and the events endpoint ({@code listen}).
 * First {@code --endpoint}, then (beyond circusctl 0.19) the {@code [circus]} section of the file
 * {@code --config} names, then {@code $CIRCUSCTL_ENDPOINT} (command endpoint only, as in 0.19),
 * then Circus's defaults.
 */
record Endpoints(String controller, String events) {

  static Endpoints of(Invocation invocation, Map<String, String> env) throws ArgumentError {
    String explicit = invocation.global("endpoint");
    if (explicit != null) return new Endpoints(explicit, explicit);
    String config = invocation.global("config");
    if (config != null) return fromConfig(Path.of(config), env);
    return new Endpoints(env.getOrDefault("CIRCUSCTL_ENDPOINT", ZmqCircusClient.DEFAULT_ENDPOINT),
        EventSubscriber.DEFAULT_ENDPOINT);
  }

  private static Endpoints fromConfig(Path file, Map<String, String> env) throws ArgumentError {
    try {
      CircusConfig config = ConfigLoader.load(file, env);
      return new Endpoints(config.arbiter().endpoint(), config.arbiter().pubsubEndpoint());
    } catch (ConfigException e) {
      throw new ArgumentError("cannot read the endpoints from " + file + ":\n"
          + e.errors().stream().map(ConfigError::toString).map(line -> "  " + line).collect(Collectors.joining("\n")));
    }
  }
}
