package io.circus.client;

import io.vertx.core.json.JsonObject;

/**
 * Processes of a watcher to stop the way the watcher stops them (SPEC §3.8): all of them, or one
 * pid; optionally with another signal than the watcher's {@code stop_signal} (a name such as
 * {@code "KILL"} or a number as text) or another grace period (seconds).
 */
public record KillRequest(String name, Long pid, String signum, Double gracefulTimeout, boolean waiting) {

  public static KillRequest of(String name) {
    return new KillRequest(name, null, null, null, false);
  }

  public KillRequest withPid(long newPid) {
    return new KillRequest(name, newPid, signum, gracefulTimeout, waiting);
  }

  public KillRequest withSignal(String newSignum) {
    return new KillRequest(name, pid, newSignum, gracefulTimeout, waiting);
  }

  public KillRequest withGracefulTimeout(double seconds) {
    return new KillRequest(name, pid, signum, seconds, waiting);
  }

  /** Answer only once the processes are gone. */
  public KillRequest waitingForExit() {
    return new KillRequest(name, pid, signum, gracefulTimeout, true);
  }

  JsonObject properties() {
    JsonObject properties = new JsonObject().put("name", name);
    if (pid != null) properties.put("pid", pid);
    if (signum != null) properties.put("signum", signum);
    if (gracefulTimeout != null) properties.put("graceful_timeout", gracefulTimeout);
    return properties.put("waiting", waiting);
  }
}
