package io.circus.stats;

import io.circus.process.Readiness;
import io.circus.sockets.CircusSocket;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Circus's {@code sockets} group of the stats stream: how many times, polling every
 * {@value #POLL_MILLIS} ms, each socket circusd binds had a connection waiting to be accepted,
 * over the last round. Single-threaded: used on the stats verticle's context.
 */
final class SocketReads {

  /** Circus's polling period. */
  static final long POLL_MILLIS = 10;
  static final String GROUP = "sockets";

  private final Map<Integer, Integer> reads = new HashMap<>();

  /** Counts one more read for each of {@code sockets} with a connection waiting now. */
  void poll(List<CircusSocket> sockets) {
    int[] fds = sockets.stream().mapToInt(CircusSocket::fd).toArray();
    boolean[] readable = Readiness.readableNow(fds);
    for (int i = 0; i < fds.length; i++) {
      if (readable[i]) {
        reads.merge(fds[i], 1, Integer::sum);
      }
    }
  }

  /**
   * The round's messages, {@code stat.sockets.<fd>} per socket then the {@code stat.sockets}
   * total (none without sockets, as in Circus), and the counts start again from zero.
   */
  List<JsonObject> take(List<CircusSocket> sockets) {
    if (sockets.isEmpty()) {
      reads.clear();
      return List.of();
    }
    List<JsonObject> messages = new ArrayList<>();
    JsonArray addresses = new JsonArray();
    int total = 0;
    for (CircusSocket socket : sockets) {
      int count = reads.getOrDefault(socket.fd(), 0);
      total += count;
      addresses.add(socket.address());
      JsonObject data = new JsonObject().put("fd", socket.fd()).put("subtopic", socket.fd()).put("reads", count)
          .put("address", socket.address());
      messages.add(StatsVerticle.message("stat." + GROUP + "." + socket.fd(), data));
    }
    messages.add(StatsVerticle.message("stat." + GROUP, new JsonObject().put("addresses", addresses).put("reads", total)));
    reads.clear();
    return messages;
  }
}
