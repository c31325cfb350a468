package io.circus.config;

import io.vertx.config.spi.ConfigProcessor;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The {@code ini} format of vertx-config: a {@code circus.ini} read by the {@code file} store,
 * with its includes resolved, as the JSON of {@link IniJson}. Includes are read with blocking I/O,
 * off the event loop. The store's configuration must have {@code path} (the file store's own key);
 * an optional {@code env} object gives circusd's environment for {@code $(circus.env.X)} in
 * include values. A broken file fails the future with a {@link ConfigException}.
 */
public final class IniConfigProcessor implements ConfigProcessor {

  public static final String FORMAT = "ini";
  static final String ENV = "env";

  @Override
  public String name() {
    return FORMAT;
  }

  @Override
  public Future<JsonObject> process(Vertx vertx, JsonObject configuration, Buffer input) {
    String path = configuration.getString("path");
    if (path == null) {
      return Future.failedFuture(new IllegalArgumentException("the ini format needs the store's `path` to resolve includes"));
    }
    Map<String, String> env = new LinkedHashMap<>();
    configuration.getJsonObject(ENV, new JsonObject()).forEach(e -> env.put(e.getKey(), String.valueOf(e.getValue())));
    byte[] content = input.getBytes();
    return vertx.executeBlocking(() -> IniJson.toJson(IncludeResolver.resolve(Path.of(path), content, env)));
  }
}
