package io.circus.cli.ctl;

import java.util.concurrent.CompletableFuture;

/**
 * Ctrl-C while circusctl waits for circusd (a call, {@code listen}): the wait ends and the
 * command exits with status 1, as circusctl 0.19 does on KeyboardInterrupt; in the shell the next
 * prompt comes. {@link #interrupt()} says whether something was waiting, so the caller knows when
 * nothing will act on it.
 */
public final class Interruption {

  private volatile CompletableFuture<Void> current;
  private volatile boolean shell;

  /** Starts a wait that {@link #interrupt()} ends; the future completes on interruption. */
  synchronized CompletableFuture<Void> arm() {
    current = new CompletableFuture<>();
    return current;
  }

  synchronized void disarm() {
    current = null;
  }

  /** From now on circusctl is an interactive shell: Ctrl-C at its prompt ends it with status 0. */
  void enterShell() {
    shell = true;
  }

  /**
   * The exit status when Ctrl-C comes while nothing waits: 0 at the shell's prompt (circusctl
   * 0.19 then prints a newline and ends), 1 otherwise.
   */
  public int idleExitStatus() {
    return shell ? 0 : 1;
  }

  /** Ends the current wait; false when nothing was waiting. */
  public synchronized boolean interrupt() {
    if (current == null) return false;
    current.complete(null);
    return true;
  }
}
