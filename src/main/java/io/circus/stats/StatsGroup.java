package io.circus.stats;

import java.util.List;

/**
 * The processes of one group of the stats stream, each with the label Circus gives it in the
 * {@code circus} group ({@code "circusd"}) or null for a watcher's.
 *
 * @param name the group: a watcher's name, or {@code circus} for the daemon itself
 * @param members the pids, in the order they are published
 */
record StatsGroup(String name, List<Member> members) {

  /** The group of circus's own processes. */
  static final String CIRCUS = "circus";

  StatsGroup {
    members = List.copyOf(members);
  }

  /** A pid of the group and its label (null for none). */
  record Member(int pid, String label) {
  }
}
