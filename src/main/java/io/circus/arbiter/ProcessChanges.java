package io.circus.arbiter;

import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * What an operation did to a watcher's processes, as Circus reports it in {@code info}: pids
 * stopped (there before, gone after), started (new) and kept (there before and after), sorted.
 */
public record ProcessChanges(List<Integer> stopped, List<Integer> started, List<Integer> kept) {

  public static ProcessChanges between(Collection<Integer> before, Collection<Integer> after) {
    Set<Integer> stopped = new TreeSet<>(before);
    stopped.removeAll(after);
    Set<Integer> started = new TreeSet<>(after);
    started.removeAll(before);
    Set<Integer> kept = new TreeSet<>(after);
    kept.retainAll(before);
    return new ProcessChanges(List.copyOf(stopped), List.copyOf(started), List.copyOf(kept));
  }
}
