package io.circus.arbiter;

/** The states of a watcher, with the words Circus uses for them (SPEC.md §7.1). */
public enum WatcherState {
  STOPPED("stopped"), STARTING("starting"), ACTIVE("active"), STOPPING("stopping");

  private final String circusName;

  WatcherState(String circusName) {
    this.circusName = circusName;
  }

  public String circusName() {
    return circusName;
  }

  /** Whether the watcher keeps its process count up (respawns, scales). */
  boolean isRunning() {
    return this == STARTING || this == ACTIVE;
  }
}
