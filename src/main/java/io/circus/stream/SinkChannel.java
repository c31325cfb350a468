package io.circus.stream;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Feeds one {@link CircusStream} from a queue, on a writer thread (never an event loop): blocks are
 * offered by the reactor thread without waiting, and written in order by one task at a time. The
 * queue holds about {@code queueBytes}; past that, per {@link Backpressure}, the offer asks the
 * caller to pause the process (resumed once the queue is half empty) or the block is dropped and
 * counted. The stream is created on the writer thread at the first write, since that may do I/O.
 */
final class SinkChannel {

  private static final Logger LOG = LoggerFactory.getLogger(SinkChannel.class);

  private final String name;
  private final Supplier<CircusStream> factory;
  private final SinkSettings settings;
  private final Executor writers;
  private final Queue<OutputBlock> queue = new ConcurrentLinkedQueue<>();
  private final AtomicLong queued = new AtomicLong();
  private final AtomicBoolean scheduled = new AtomicBoolean();
  private final Queue<Runnable> resumes = new ConcurrentLinkedQueue<>();
  private final LossCounter lost;
  private final Promise<Void> closed = Promise.promise();
  private volatile boolean closeRequested;
  private volatile boolean finished;
  // Writer task only.
  private volatile CircusStream stream;
  private boolean failedToOpen;
  private boolean streamClosed;

  SinkChannel(String name, Supplier<CircusStream> factory, SinkSettings settings, Executor writers) {
    this.name = name;
    this.factory = factory;
    this.settings = settings;
    this.writers = writers;
    this.lost = new LossCounter("stream " + name);
  }

  /** Any thread, never waits. Returns false when the caller should pause the writer until {@link #whenDrained}. */
  boolean offer(OutputBlock block) {
    int length = block.data().length;
    if (finished) {
      lost.lost(length, "the stream is closed");
      return true;
    }
    if (settings.backpressure() == Backpressure.DROP && queued.get() + length > settings.queueBytes()) {
      lost.lost(length, "the stream is behind and drops");
      return true;
    }
    queue.add(block);
    long now = queued.addAndGet(length);
    schedule();
    return settings.backpressure() == Backpressure.DROP || now < settings.queueBytes();
  }

  /** Runs {@code resume} (on any thread) once the queue is at most half full. */
  void whenDrained(Runnable resume) {
    resumes.add(resume);
    if (finished || queued.get() <= settings.queueBytes() / 2) runResumes();
  }

  /** Writes what is queued, then closes the stream; completes when it is closed. */
  Future<Void> close() {
    closeRequested = true;
    schedule();
    return closed.future();
  }

  long lostBytes() {
    return lost.bytes();
  }

  Optional<CircusStream> stream() {
    return Optional.ofNullable(stream);
  }

  private void schedule() {
    if (scheduled.compareAndSet(false, true)) writers.execute(this::drain);
  }

  private void drain() {
    try {
      writeQueued();
      if (closeRequested) finish();
    } catch (RuntimeException | Error e) {
      LOG.error("stream {}: {}", name, e.toString(), e);
    } finally {
      scheduled.set(false);
      if (!queue.isEmpty() || (closeRequested && !finished)) schedule();
    }
  }

  private void writeQueued() {
    boolean wrote = false;
    for (OutputBlock block = queue.poll(); block != null; block = queue.poll()) {
      write(block);
      wrote = true;
      if (queued.addAndGet(-block.data().length) <= settings.queueBytes() / 2) runResumes();
    }
    if (wrote && stream != null) {
      try {
        stream.flush();
      } catch (Exception e) {
        lost.lost(0, "flush failed: " + e);
      }
    }
  }

  private void write(OutputBlock block) {
    if (!open()) {
      lost.lost(block.data().length, streamClosed ? "the stream is closed" : "the stream could not be created");
      return;
    }
    try {
      stream.write(block);
    } catch (Exception e) {
      lost.lost(block.data().length, "write failed: " + e);
    }
  }

  private boolean open() {
    if (stream != null) return true;
    if (failedToOpen || streamClosed) return false;
    try {
      stream = factory.get();
      return true;
    } catch (RuntimeException e) {
      failedToOpen = true;
      LOG.error("stream {} cannot be created, its output is dropped: {}", name, e.getMessage(), e);
      return false;
    }
  }

  private void finish() {
    finished = true;
    writeQueued(); // what slipped in before finished was seen
    streamClosed = true;
    try {
      if (stream != null) stream.close();
    } catch (Exception e) {
      LOG.error("stream {}: closing failed: {}", name, e.toString(), e);
    }
    stream = null;
    runResumes();
    closed.tryComplete();
  }

  private void runResumes() {
    for (Runnable resume = resumes.poll(); resume != null; resume = resumes.poll()) resume.run();
  }
}
