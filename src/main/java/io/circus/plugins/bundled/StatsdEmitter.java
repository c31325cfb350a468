package io.circus.plugins.bundled;

import io.circus.plugins.CircusPlugin;
import io.circus.plugins.PluginOptions;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;

/**
 * Counts every event in statsd (Circus's {@code circus.plugins.statsd.StatsdEmitter}): each
 * {@code watcher.NAME.EVENT} increments the counter {@code circus.APP.watcher.NAME.EVENT}.
 * Options: {@code host} (localhost), {@code port} (8125), {@code application_name} (app),
 * {@code sample_rate} (1.0).
 */
public class StatsdEmitter extends CircusPlugin {

  private String host;
  private int port;
  private String application;
  private double sampleRate;
  private StatsdClient statsd;

  @Override
  protected void configure(PluginOptions options) {
    host = options.string("host", "localhost");
    port = options.integer("port", 8125, 1);
    application = options.string("application_name", defaultApplicationName());
    sampleRate = options.number("sample_rate", 1.0);
    if (sampleRate <= 0 || sampleRate > 1) {
      throw new io.circus.plugins.PluginOptionException("sample_rate", String.valueOf(sampleRate), "a number more than 0, at most 1");
    }
  }

  /** The application name when none is configured (Circus's {@code default_app_name}). */
  protected String defaultApplicationName() {
    return "app";
  }

  @Override
  protected boolean runsOnEventLoop() {
    return true;
  }

  @Override
  protected Future<?> handleInit() {
    statsd = new StatsdClient(vertx, host, port, "circus." + application + ".watcher", sampleRate);
    return Future.succeededFuture();
  }

  @Override
  protected void handleRecv(String topic, JsonObject data) {
    String[] parts = splitTopic(topic);
    statsd.increment(parts[0] + "." + parts[1]);
  }

  @Override
  protected Future<?> handleStop() {
    statsd.close();
    return Future.succeededFuture();
  }

  /** The client, for the observers built on this plugin. */
  final StatsdClient statsd() {
    return statsd;
  }
}
