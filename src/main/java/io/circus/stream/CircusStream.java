package io.circus.stream;

import java.io.IOException;

/**
 * Where a watcher's stdout or stderr goes: Circus's stream class, {@code __call__} being
 * {@link #write}. A class of one's own, named by its fully qualified name in
 * {@code stdout_stream.class}, implements this and has a public constructor taking the other
 * {@code stdout_stream.*} options as a {@code Map<String, String>} (or none).
 *
 * <p>One instance is only called by one thread at a time, never an event loop: it may block (a
 * slow disk), which holds back only the processes writing to it (see {@link Backpressure}).
 */
public interface CircusStream extends AutoCloseable {

  /** Takes one block of output, whole lines as the process wrote them. */
  void write(OutputBlock block) throws IOException;

  /** Called after a batch of writes, when nothing more is queued for now. */
  default void flush() throws IOException {
  }

  /** Releases the stream's resources; no write follows. */
  @Override
  default void close() throws IOException {
  }
}
