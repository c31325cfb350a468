package io.circus.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.circus.testing.FakeCircusd;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The events subscriber against a fake circusd's events endpoint. */
class EventSubscriberTest {

  @Test
  void receivesTheEventsOfTheTopicsItSubscribedTo() throws Exception {
    try (FakeCircusd circusd = FakeCircusd.replying(request -> null);
        EventSubscriber events = EventSubscriber.connect(circusd.pubsubEndpoint(), List.of("watcher.web."))) {
      await().atMost(Duration.ofSeconds(10)).until(() -> circusd.subscriptions().contains("watcher.web."));
      circusd.publish("watcher.db.spawn", "{\"process_pid\": 7, \"time\": 1.5}");
      circusd.publish("watcher.web.spawn", "{\"process_pid\": 42, \"time\": 1.5}");

      CircusEvent event = events.receive(Duration.ofSeconds(10)).orElseThrow();

      assertThat(event.topic()).isEqualTo("watcher.web.spawn");
      assertThat(event.watcher()).isEqualTo("web");
      assertThat(event.event()).isEqualTo("spawn");
      assertThat(event.data().getInteger("process_pid")).isEqualTo(42);
      assertThat(events.receive(Duration.ofMillis(100))).isEmpty();
    }
  }

  @Test
  void receiveReturnsNothingWhenNoEventCame() throws Exception {
    try (FakeCircusd circusd = FakeCircusd.replying(request -> null);
        EventSubscriber events = EventSubscriber.connect(circusd.pubsubEndpoint(), List.of(""))) {
      Optional<CircusEvent> none = events.receive(Duration.ofMillis(50));
      assertThat(none).isEmpty();
    }
  }
}
