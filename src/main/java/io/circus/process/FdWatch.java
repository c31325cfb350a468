package io.circus.process;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A {@link ReadinessWatch} of the {@link Reactor}: it watches its own duplicate of the descriptor
 * (the caller may close the original at any time without the reactor touching a reused number)
 * and calls back at most once.
 */
final class FdWatch implements ReadinessWatch {

  final int copy;
  private final Runnable onReadable;
  private final Reactor reactor;
  private final AtomicBoolean finished = new AtomicBoolean();
  private final CompletableFuture<Void> released = new CompletableFuture<>();

  // Reactor thread only.
  long watchId;
  private boolean copyClosed;

  FdWatch(int copy, Runnable onReadable, Reactor reactor) {
    this.copy = copy;
    this.onReadable = onReadable;
    this.reactor = reactor;
  }

  @Override
  public CompletionStage<Void> cancel() {
    finished.set(true);
    reactor.unwatch(this);
    return released;
  }

  boolean isCancelled() {
    return finished.get();
  }

  /** Reactor thread: the descriptor is readable; runs the callback unless cancelled first. */
  void fire() {
    if (finished.compareAndSet(false, true)) onReadable.run();
  }

  /** Reactor thread (or the closing reactor): closes the copy, once. */
  void release() {
    if (!copyClosed) {
      LibC.close(copy);
      copyClosed = true;
    }
    released.complete(null);
  }
}
