package io.circus.commands;

/**
 * What a running watcher must do for changed options to take effect (SPEC.md §6.4): nothing
 * (they apply to the next processes), converge on the process count, or a graceful reload.
 */
enum FollowUp {
  NONE, MANAGE, RELOAD;

  FollowUp and(FollowUp other) {
    return compareTo(other) >= 0 ? this : other;
  }
}
