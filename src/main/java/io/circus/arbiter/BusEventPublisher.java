package io.circus.arbiter;

import io.vertx.core.eventbus.EventBus;
import io.vertx.core.json.JsonObject;
import java.util.Locale;

/**
 * Publishes events on the bus address {@value #ADDRESS} as
 * {@code {"topic": "watcher.<name>.<event>", "data": {...}}}, the topic built as Circus builds it:
 * the watcher name lower-cased with spaces turned into underscores.
 */
public final class BusEventPublisher implements EventPublisher {

  public static final String ADDRESS = "circus.events";

  private final EventBus bus;

  public BusEventPublisher(EventBus bus) {
    this.bus = bus;
  }

  @Override
  public void publish(String watcherName, String event, JsonObject data) {
    bus.publish(ADDRESS, new JsonObject().put("topic", topic(watcherName, event)).put("data", data));
  }

  public static String topic(String watcherName, String event) {
    return "watcher." + watcherName.toLowerCase(Locale.ROOT).replace(' ', '_') + "." + event;
  }
}
