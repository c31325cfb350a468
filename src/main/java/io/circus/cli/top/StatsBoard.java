package io.circus.cli.top;

import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What circus-top knows: the latest message of each group ({@code stat.<group>}, the aggregate)
 * and of each of its members ({@code stat.<group>.<pid or fd>}), each forgotten once it has not
 * been refreshed for the process timeout. Unlike Circus's circus-top, which only forgets members
 * of the group that is publishing, a group that went silent (a stopped watcher) goes too.
 * Single-threaded.
 */
final class StatsBoard {

  private final long timeoutNanos;
  private final Map<String, Group> groups = new TreeMap<>();

  /** @param timeoutNanos how long an entry lives without being refreshed */
  StatsBoard(long timeoutNanos) {
    this.timeoutNanos = timeoutNanos;
  }

  /** The latest figures of one group: its aggregate (null until it came) and its members by subtopic. */
  static final class Group {
    private Entry aggregate;
    private final Map<String, Entry> members = new LinkedHashMap<>();

    JsonObject aggregate() {
      return aggregate == null ? null : aggregate.data;
    }

    List<JsonObject> members() {
      List<JsonObject> data = new ArrayList<>();
      members.values().forEach(entry -> data.add(entry.data));
      return data;
    }
  }

  private record Entry(JsonObject data, long received) {
  }

  /**
   * Takes a message of the stream: a 3-part topic is a member of a group, a 2-part one the group's
   * aggregate; other topics are ignored.
   */
  void accept(String topic, JsonObject data, long nowNanos) {
    String[] parts = topic.split("\\.");
    if (parts.length < 2 || parts.length > 3 || !parts[0].equals("stat")) {
      return;
    }
    Group group = groups.computeIfAbsent(parts[1], name -> new Group());
    if (parts.length == 3) {
      group.members.put(parts[2], new Entry(data, nowNanos));
    } else {
      group.aggregate = new Entry(data, nowNanos);
    }
  }

  /** Forgets what was not refreshed within the timeout, and the groups left with nothing. */
  void expire(long nowNanos) {
    for (Iterator<Group> it = groups.values().iterator(); it.hasNext(); ) {
      Group group = it.next();
      group.members.values().removeIf(entry -> nowNanos - entry.received > timeoutNanos);
      if (group.aggregate != null && nowNanos - group.aggregate.received > timeoutNanos) {
        group.aggregate = null;
      }
      if (group.aggregate == null && group.members.isEmpty()) {
        it.remove();
      }
    }
  }

  /** The groups by name. */
  Map<String, Group> groups() {
    return groups;
  }

  boolean isEmpty() {
    return groups.isEmpty();
  }
}
