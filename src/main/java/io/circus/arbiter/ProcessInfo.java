package io.circus.arbiter;

/**
 * What the rest of the daemon may know of a live process of a watcher: its pid, worker id, and
 * the epoch seconds at which circusd started it.
 */
public record ProcessInfo(int pid, int wid, double started) {
}
