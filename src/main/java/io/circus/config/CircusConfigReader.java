package io.circus.config;

import io.vertx.config.ConfigRetriever;
import io.vertx.config.ConfigRetrieverOptions;
import io.vertx.config.ConfigStoreOptions;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.util.Map;

/**
 * Reads a {@code circus.ini} through vertx-config ({@code file} store, {@code ini} format) and
 * validates it. The future fails with a {@link ConfigException} listing every problem.
 */
public final class CircusConfigReader {

  private CircusConfigReader() {
  }

  public static Future<CircusConfig> read(Vertx vertx, Path file, Map<String, String> daemonEnv) {
    Path absolute = file.toAbsolutePath().normalize();
    return vertx.fileSystem().exists(absolute.toString())
        .compose(exists -> exists ? retrieve(vertx, absolute, daemonEnv) : Future.failedFuture(ConfigFiles.missing(file)))
        .map(json -> ConfigValidator.validate(IniJson.fromJson(json), daemonEnv));
  }

  /** Retriever options for the file; a caller that watches for changes sets a scan period on them. */
  public static ConfigRetrieverOptions retrieverOptions(Path file, Map<String, String> daemonEnv) {
    JsonObject storeConfig = new JsonObject().put("path", file.toAbsolutePath().normalize().toString())
        .put(IniConfigProcessor.ENV, new JsonObject(Map.copyOf(daemonEnv)));
    return new ConfigRetrieverOptions().setScanPeriod(0)
        .addStore(new ConfigStoreOptions().setType("file").setFormat(IniConfigProcessor.FORMAT).setConfig(storeConfig));
  }

  private static Future<JsonObject> retrieve(Vertx vertx, Path file, Map<String, String> daemonEnv) {
    ConfigRetriever retriever = ConfigRetriever.create(vertx, retrieverOptions(file, daemonEnv));
    return retriever.getConfig().eventually(retriever::close)
        .recover(e -> Future.failedFuture(e instanceof ConfigException ? e
            : new ConfigException(new ConfigError(file.toString(), null, null, null, "cannot be read: " + e.getMessage()))));
  }
}
