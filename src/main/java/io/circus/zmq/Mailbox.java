package io.circus.zmq;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * Hands tasks from any thread to the one thread that owns a socket: a bounded queue, and a doorbell
 * rung only for the first task after the owner last drained, so a burst of tasks costs one wake-up
 * and an idle owner costs nothing. {@link #offer} never blocks: a full mailbox refuses the task.
 */
final class Mailbox<T> {

  /** Tasks run per drain before the owner goes back to its sockets, so I/O is never starved. */
  private static final int BATCH = 1024;

  private final BlockingQueue<T> tasks;
  private final AtomicBoolean rung = new AtomicBoolean();
  private final Runnable doorbell;

  Mailbox(int capacity, Runnable doorbell) {
    this.tasks = new ArrayBlockingQueue<>(capacity);
    this.doorbell = doorbell;
  }

  /** Queues a task for the owner; false when the mailbox is full (the task is not queued). */
  boolean offer(T task) {
    if (!tasks.offer(task)) {
      return false;
    }
    if (rung.compareAndSet(false, true)) {
      doorbell.run();
    }
    return true;
  }

  /** Runs queued tasks on the owner's thread; rings again if some are left for the next round. */
  void drain(Consumer<T> runner) {
    // Reset before polling: a task queued after this point rings again, so none is stranded.
    rung.set(false);
    for (int i = 0; i < BATCH; i++) {
      T task = tasks.poll();
      if (task == null) {
        return;
      }
      runner.accept(task);
    }
    if (!tasks.isEmpty() && rung.compareAndSet(false, true)) {
      doorbell.run();
    }
  }

  /** Runs every queued task on the owner's thread, as it stops: no other round will come. */
  void drainAll(Consumer<T> runner) {
    T task;
    while ((task = tasks.poll()) != null) {
      runner.accept(task);
    }
  }
}
