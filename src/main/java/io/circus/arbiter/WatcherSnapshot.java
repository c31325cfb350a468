package io.circus.arbiter;

import io.circus.config.WatcherSpec;
import java.util.List;

/**
 * An immutable view of a watcher, safe to read from any thread: its spec, state and live
 * processes in creation order.
 */
public record WatcherSnapshot(WatcherSpec spec, WatcherState state, List<ProcessInfo> processes) {

  public WatcherSnapshot {
    processes = List.copyOf(processes);
  }

  public String name() {
    return spec.name();
  }

  public List<Integer> pids() {
    return processes.stream().map(ProcessInfo::pid).toList();
  }
}
