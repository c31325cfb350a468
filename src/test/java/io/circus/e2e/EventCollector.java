package io.circus.e2e;

import io.circus.testing.CorpusMatcher;
import io.circus.testing.CorpusMatcher.Pids;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.zeromq.ZMQ;

/**
 * Every event circusd publishes, read from a SUB socket (subscribed to everything) on a thread of
 * its own, kept in arrival order. A corpus step's expected events are matched against those that
 * arrived since its request, each event used by one step only; order is not compared (it depends on
 * timing, SPEC.md §4), every expected event must have arrived.
 */
final class EventCollector implements AutoCloseable {

  record Event(int index, String topic, JsonObject data) {

    @Override
    public String toString() {
      return topic + " " + data.encode();
    }
  }

  /** How a step's expected events matched: the pids bound, or the first expected event not found. */
  record Match(Pids pids, JsonObject missing, String why) {

    boolean complete() {
      return missing == null;
    }
  }

  /** Bounds the search for a pairing of expected and received events. */
  private static final int MAX_TRIES = 20_000;

  private final List<Event> events = new CopyOnWriteArrayList<>();
  private final Set<Integer> used = new HashSet<>();
  private final Thread reader;
  private volatile boolean closed;

  /** Takes over {@code sub} (a connected SUB socket): only the reader thread touches it from now on. */
  EventCollector(ZMQ.Socket sub) {
    sub.setReceiveTimeOut(100);
    reader = new Thread(() -> read(sub), "conformance-events");
    reader.setDaemon(true);
    reader.start();
  }

  private void read(ZMQ.Socket sub) {
    while (!closed) {
      byte[] topic = sub.recv();
      if (topic == null) {
        continue;
      }
      byte[] body = sub.hasReceiveMore() ? sub.recv() : new byte[0];
      while (sub.hasReceiveMore()) {
        sub.recv();
      }
      events.add(new Event(events.size(), new String(topic, StandardCharsets.UTF_8),
          new JsonObject(new String(body, StandardCharsets.UTF_8))));
    }
    sub.close();
  }

  /** The index the next event will get: a step's window starts there. */
  int mark() {
    return events.size();
  }

  List<Event> since(int mark) {
    // A snapshot first: a subList of a copy-on-write list fails once the receiving thread appends.
    List<Event> all = List.copyOf(events);
    return all.subList(Math.min(mark, all.size()), all.size());
  }

  /** Whether a spawn of this pid was published. */
  boolean spawned(long pid) {
    return events.stream().anyMatch(e -> e.topic().endsWith(".spawn") && e.data().getLong("process_pid", -1L) == pid);
  }

  /** The first unused event on {@code topic} from {@code mark} on. */
  Optional<Event> firstUnused(int mark, String topic) {
    return since(mark).stream().filter(e -> !used.contains(e.index()) && e.topic().equals(topic)).findFirst();
  }

  /**
   * Matches {@code expected} ({@code {"topic", "payload"}} objects) with the unused events since
   * {@code mark}; a complete match marks its events used.
   */
  Match match(List<JsonObject> expected, int mark, CorpusMatcher matcher, Pids pids) {
    List<Event> candidates = since(mark).stream().filter(e -> !used.contains(e.index())).toList();
    int[] tries = {0};
    List<Event> chosen = new ArrayList<>();
    Optional<Pids> complete = pair(expected, 0, candidates, chosen, matcher, pids, tries);
    if (complete.isPresent()) {
      chosen.forEach(e -> used.add(e.index()));
      return new Match(complete.get(), null, null);
    }
    return greedy(expected, candidates, matcher, pids);
  }

  private Optional<Pids> pair(List<JsonObject> expected, int next, List<Event> candidates, List<Event> chosen,
      CorpusMatcher matcher, Pids pids, int[] tries) {
    if (next == expected.size()) {
      return Optional.of(pids);
    }
    JsonObject wanted = expected.get(next);
    for (Event candidate : candidates) {
      if (++tries[0] > MAX_TRIES) {
        return Optional.empty();
      }
      if (chosen.contains(candidate) || !candidate.topic().equals(wanted.getString("topic"))) {
        continue;
      }
      CorpusMatcher.Outcome outcome = matcher.match(wanted.getJsonObject("payload"), candidate.data(), pids);
      if (outcome.matches()) {
        chosen.add(candidate);
        Optional<Pids> rest = pair(expected, next + 1, candidates, chosen, matcher, outcome.pids(), tries);
        if (rest.isPresent()) {
          return rest;
        }
        chosen.remove(chosen.size() - 1);
      }
    }
    return Optional.empty();
  }

  /** In order, each expected event takes the first event it matches: what matched, what did not. */
  private static Match greedy(List<JsonObject> expected, List<Event> candidates, CorpusMatcher matcher, Pids pids) {
    Pids current = pids;
    List<Event> taken = new ArrayList<>();
    JsonObject missing = null;
    String why = null;
    for (JsonObject wanted : expected) {
      Optional<Event> found = Optional.empty();
      String closest = "no " + wanted.getString("topic") + " event";
      for (Event candidate : candidates) {
        if (taken.contains(candidate) || !candidate.topic().equals(wanted.getString("topic"))) {
          continue;
        }
        CorpusMatcher.Outcome outcome = matcher.match(wanted.getJsonObject("payload"), candidate.data(), current);
        if (outcome.matches()) {
          found = Optional.of(candidate);
          current = outcome.pids();
          break;
        }
        closest = candidate + ": " + outcome.difference();
      }
      if (found.isPresent()) {
        taken.add(found.get());
      } else if (missing == null) {
        missing = wanted;
        why = closest;
      }
    }
    return new Match(current, missing, why);
  }

  @Override
  public void close() throws InterruptedException {
    closed = true;
    reader.join(10_000);
  }
}
