package io.circus.sockets;

import java.util.Set;

/**
 * A wait for the first connection on some sockets ({@link CircusSockets#awaitActivity}); it ends
 * when one comes (its action runs) or when cancelled. Used on the arbiter's context only.
 */
public final class SocketWait {

  private final CircusSockets owner;
  private final Set<String> names;
  private final Runnable onActivity;
  private boolean done;

  SocketWait(CircusSockets owner, Set<String> names, Runnable onActivity) {
    this.owner = owner;
    this.names = Set.copyOf(names);
    this.onActivity = onActivity;
  }

  Set<String> names() {
    return names;
  }

  /** Ends the wait without running its action; does nothing once it has ended. */
  public void cancel() {
    if (!done) {
      done = true;
      owner.forget(this);
    }
  }

  void fire() {
    if (!done) {
      done = true;
      owner.forget(this);
      onActivity.run();
    }
  }
}
