package io.circus.stream;

import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * Circus's {@code QueueStream}: the blocks go into a queue that code in the same JVM takes them
 * from ({@link #queue()}, reached through the watcher's {@code WatcherOutput}). The queue holds at
 * most {@value #CAPACITY} blocks; when nobody takes them, the writer waits, which is back-pressure
 * on the processes like any slow stream.
 */
public class QueueStream implements CircusStream {

  static final int CAPACITY = 10_000;

  private final BlockingQueue<OutputBlock> queue = new LinkedBlockingQueue<>(CAPACITY);

  public QueueStream(Map<String, String> options) {
  }

  public BlockingQueue<OutputBlock> queue() {
    return queue;
  }

  @Override
  public void write(OutputBlock block) {
    try {
      queue.put(block);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while the queue was full", e);
    }
  }
}
