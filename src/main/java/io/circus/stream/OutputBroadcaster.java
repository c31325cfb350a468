package io.circus.stream;

import io.vertx.core.eventbus.EventBus;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;

/**
 * Publishes a watcher's output on the bus ({@value OutputStreams#ADDRESS}, topic
 * {@code stream.<watcher>.<pid>.<stdout|stderr>}) for live tails, at most {@value #BYTES_PER_SECOND}
 * bytes a second (a token bucket): a live tail is for people, and past that rate the bus and its
 * subscribers would cost more than the output itself. What is over the rate is dropped and counted,
 * the count carried by the next message as {@code lost_bytes}; the process never waits for it.
 * Called by the reactor thread.
 */
final class OutputBroadcaster {

  static final long BYTES_PER_SECOND = 2L << 20;

  private final EventBus bus;
  private final String watcher;
  private final LossCounter lost;
  private long tokens = BYTES_PER_SECOND;
  private long refilledAt = System.nanoTime();
  private long lostSinceLastMessage;

  OutputBroadcaster(EventBus bus, String watcher) {
    this.bus = bus;
    this.watcher = watcher;
    this.lost = new LossCounter("live output of watcher " + watcher);
  }

  synchronized void offer(long sequence, OutputBlock block) {
    int length = block.data().length;
    refill();
    if (tokens < length) {
      lostSinceLastMessage += length;
      lost.lost(length, "more than " + BYTES_PER_SECOND + " bytes/s for the bus");
      return;
    }
    tokens -= length;
    JsonObject data = new JsonObject().put("pid", block.pid()).put("name", block.stream())
        .put("data", new String(block.data(), StandardCharsets.UTF_8)).put("time", block.timeMillis() / 1000.0)
        .put("lost_bytes", lostSinceLastMessage).put("seq", sequence);
    lostSinceLastMessage = 0;
    bus.publish(OutputStreams.ADDRESS, new JsonObject().put("topic", topic(watcher, block.pid(), block.stream())).put("data", data));
  }

  static String topic(String watcher, int pid, String stream) {
    return "stream." + watcher + "." + pid + "." + stream;
  }

  private void refill() {
    long now = System.nanoTime();
    long earned = Math.min(now - refilledAt, 1_000_000_000L) * BYTES_PER_SECOND / 1_000_000_000L;
    if (earned > 0) {
      tokens = Math.min(BYTES_PER_SECOND, tokens + earned);
      refilledAt = now;
    }
  }
}
