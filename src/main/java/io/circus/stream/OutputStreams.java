package io.circus.stream;

import io.circus.config.StreamSpec;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The output streams of one arbiter: the writer threads (a cached pool: a stream that blocks holds
 * one thread, never the others) and the streams in use. Watchers whose streams are configured the
 * same write through one {@link SinkChannel}, so several watchers can share a file (and its
 * rotation) without interleaving inside a line.
 */
public final class OutputStreams {

  /** The bus address of live output, {@code {"topic": "stream.<watcher>.<pid>.<stdout|stderr>", "data": {...}}}. */
  public static final String ADDRESS = "circus.output";
  /** Classes whose instances write to one place given by their options, so one instance serves every user. */
  private static final Set<String> SHARED = Set.of("FileStream", "WatchedFileStream", "TimedRotatingFileStream", "StdoutStream");

  static final long CLOSE_PATIENCE_MILLIS = 10_000;
  private static final Logger LOG = LoggerFactory.getLogger(OutputStreams.class);

  private final Vertx vertx;
  private final ExecutorService writers;
  private final Map<Object, Users> channels = new HashMap<>();

  private static final class Users {
    final SinkChannel channel;
    int count;

    Users(SinkChannel channel) {
      this.channel = channel;
    }
  }

  public OutputStreams(Vertx vertx) {
    this.vertx = vertx;
    AtomicInteger threads = new AtomicInteger();
    this.writers = Executors.newCachedThreadPool(task -> {
      Thread thread = new Thread(task, "circus-stream-writer-" + threads.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    });
  }

  /** The output of one watcher. */
  public WatcherOutput watcher(String name) {
    return new WatcherOutput(name, this, new OutputBroadcaster(vertx.eventBus(), name));
  }

  /**
   * Waits for every stream to write what it holds, closes them, and ends the writer threads; a
   * stream stuck in a write (a hung disk, a class of the user's) is given up after
   * {@value #CLOSE_PATIENCE_MILLIS} ms, so that circusd can still exit.
   */
  public Future<Void> close() {
    List<Future<Void>> closing = new ArrayList<>();
    synchronized (this) {
      channels.values().forEach(u -> closing.add(u.channel.close()));
      channels.clear();
    }
    Future<Void> closed = Future.join(closing).mapEmpty();
    Future<Void> givenUp = vertx.timer(CLOSE_PATIENCE_MILLIS).compose(t -> {
      if (!closed.isComplete()) LOG.error("output streams still writing after {} ms: given up, their last output is lost", CLOSE_PATIENCE_MILLIS);
      return Future.<Void>succeededFuture();
    });
    return Future.any(closed, givenUp).transform(done -> {
      writers.shutdown();
      return Future.<Void>succeededFuture();
    });
  }

  synchronized SinkChannel acquire(String watcher, String stream, StreamSpec spec) {
    Object key = SHARED.contains(spec.className()) ? spec : new Object();
    Users users = channels.computeIfAbsent(key, k -> new Users(new SinkChannel(
        SHARED.contains(spec.className()) ? spec.className() + " " + spec.options().getOrDefault("filename", "")
            : watcher + " " + stream + " (" + spec.className() + ")",
        () -> StreamFactory.create(spec), SinkSettings.of(spec), writers)));
    users.count++;
    return users.channel;
  }

  /** Lets go of a channel: the last user's release writes what it holds and closes it. */
  synchronized Future<Void> release(SinkChannel channel) {
    for (Map.Entry<Object, Users> entry : channels.entrySet()) {
      Users users = entry.getValue();
      if (users.channel == channel && --users.count == 0) {
        channels.remove(entry.getKey());
        return channel.close();
      }
    }
    return Future.succeededFuture();
  }
}
