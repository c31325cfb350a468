package io.circus.arbiter;

import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;

/** Collects published events so tests can wait for them and check their order. */
final class RecordedEvents implements EventPublisher {

  record Event(String watcher, String name, JsonObject data) {
  }

  private final List<Event> events = new CopyOnWriteArrayList<>();

  @Override
  public void publish(String watcherName, String event, JsonObject data) {
    events.add(new Event(watcherName, event, data.copy()));
  }

  List<Event> all() {
    return List.copyOf(events);
  }

  /** Event names in order, e.g. ["spawn", "spawn", "start"]. */
  List<String> names() {
    return events.stream().map(Event::name).collect(Collectors.toList());
  }

  long count(String name) {
    return events.stream().filter(e -> e.name().equals(name)).count();
  }

  List<Event> named(String name) {
    return events.stream().filter(e -> e.name().equals(name)).collect(Collectors.toList());
  }

  void clear() {
    events.clear();
  }
}
