package io.circus.plugins.bundled;

import io.circus.plugins.PluginOptions;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.time.Duration;

/**
 * A plugin that looks at something every {@code loop_rate} seconds (60 by default) and reports
 * to statsd (Circus's {@code BaseObserver}); it does not count events.
 */
abstract class StatsdObserver extends StatsdEmitter {

  private double loopRate;

  @Override
  protected void configure(PluginOptions options) {
    super.configure(options);
    loopRate = options.seconds("loop_rate", 60);
  }

  @Override
  protected Future<?> handleInit() {
    return super.handleInit().onSuccess(v -> every(Duration.ofMillis(Math.round(loopRate * 1000)), this::lookAfter));
  }

  @Override
  protected void handleRecv(String topic, JsonObject data) {
    // observers look, they do not count events
  }

  /** One look; runs on the plugin's event loop, so it only starts asynchronous work. */
  protected abstract void lookAfter();
}
