package io.circus.arbiter;

import static org.awaitility.Awaitility.await;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

/** Records what the arbiter publishes on {@code circus.events}, for tests to wait on. */
final class BusEvents {

  private final List<JsonObject> events = new CopyOnWriteArrayList<>();

  BusEvents(Vertx vertx) {
    vertx.eventBus().<JsonObject>consumer(BusEventPublisher.ADDRESS, message -> events.add(message.body()));
  }

  List<JsonObject> all() {
    return List.copyOf(events);
  }

  /** Events whose topic is {@code watcher.<name>.<event>}. */
  List<JsonObject> of(String watcher, String event) {
    String topic = BusEventPublisher.topic(watcher, event);
    return events.stream().filter(e -> e.getString("topic").equals(topic)).toList();
  }

  /** Waits (at most 30 s) until there are at least {@code count} such events, and returns them. */
  List<JsonObject> waitFor(String watcher, String event, int count) {
    await().atMost(Duration.ofSeconds(30)).until(() -> of(watcher, event).size() >= count);
    return of(watcher, event);
  }

  /** Waits for the first event of that kind matching {@code test}. */
  JsonObject awaitMatching(String watcher, String event, Predicate<JsonObject> test) {
    await().atMost(Duration.ofSeconds(30)).until(() -> of(watcher, event).stream().anyMatch(e -> test.test(e.getJsonObject("data"))));
    return of(watcher, event).stream().filter(e -> test.test(e.getJsonObject("data"))).findFirst().orElseThrow();
  }
}
