package io.circus.stats;

import io.circus.process.Readiness;
import io.circus.sockets.CircusSocket;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;

/**
 * Circus's {@code sockets} group of the stats stream: for each socket circusd binds, how many
 * {@value #PERIOD_MILLIS} ms periods of the last round found a connection waiting to be accepted.
 * Circus polls every 10 ms whatever happens; here a thread of its own waits in {@code poll} until
 * a connection waits (or a second has passed, to see new sockets), counts, and looks again 10 ms
 * later: idle sockets cost one wake-up a second, busy ones what they cost in Circus.
 */
final class SocketReads implements AutoCloseable {

  /** Circus's polling period: a socket counts at most one read per period. */
  static final long PERIOD_MILLIS = 10;
  static final String GROUP = "sockets";
  private static final int IDLE_WAIT_MILLIS = 1000;

  private final Supplier<List<CircusSocket>> sockets;
  private final Map<Integer, Integer> reads = new ConcurrentHashMap<>();
  private final Thread poller;
  private volatile boolean running = true;

  /** Starts counting, on its own thread, the reads of the sockets {@code sockets} gives at each look. */
  SocketReads(Supplier<List<CircusSocket>> sockets) {
    this.sockets = sockets;
    this.poller = new Thread(this::run, "circus-stats-sockets");
    poller.setDaemon(true);
    poller.start();
  }

  private void run() {
    try (Readiness readiness = new Readiness()) {
      while (running) {
        int[] fds = sockets.get().stream().mapToInt(CircusSocket::fd).toArray();
        boolean[] readable = new boolean[fds.length];
        if (readiness.await(fds, readable, IDLE_WAIT_MILLIS) > 0) {
          for (int i = 0; i < fds.length; i++) {
            if (readable[i]) {
              reads.merge(fds[i], 1, Integer::sum);
            }
          }
          LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(PERIOD_MILLIS));
        }
      }
    }
  }

  /**
   * The round's messages, {@code stat.sockets.<fd>} per socket then the {@code stat.sockets}
   * total (none without sockets, as in Circus); the counts start again from zero.
   */
  List<JsonObject> take(List<CircusSocket> current) {
    List<JsonObject> messages = new ArrayList<>();
    JsonArray addresses = new JsonArray();
    int total = 0;
    for (CircusSocket socket : current) {
      Integer counted = reads.remove(socket.fd());
      int count = counted == null ? 0 : counted;
      total += count;
      addresses.add(socket.address());
      JsonObject data = new JsonObject().put("fd", socket.fd()).put("subtopic", socket.fd()).put("reads", count)
          .put("address", socket.address());
      messages.add(StatsVerticle.message("stat." + GROUP + "." + socket.fd(), data));
    }
    if (!current.isEmpty()) {
      messages.add(StatsVerticle.message("stat." + GROUP, new JsonObject().put("addresses", addresses).put("reads", total)));
    }
    return messages;
  }

  /** Stops the thread; blocks until it has ended (at most about a second). */
  @Override
  public void close() throws InterruptedException {
    running = false;
    poller.join();
  }
}
