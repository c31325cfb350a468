package io.circus.zmq;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.Pipe;
import java.nio.channels.SelectableChannel;

/**
 * Wakes a thread blocked in a JeroMQ poller from any other thread: the poller watches the read end
 * of a pipe, {@link #ring} writes a byte to it. (A JeroMQ inproc socket could not be used for this:
 * its sending end would be shared by every Vert.x thread, and JeroMQ sockets are single-threaded.)
 */
final class WakePipe implements AutoCloseable {

  /** One byte per ringing thread (the Vert.x event loops), so a ring allocates nothing. */
  private static final ThreadLocal<ByteBuffer> BELL = ThreadLocal.withInitial(() -> ByteBuffer.allocateDirect(1));

  private final Pipe pipe;
  private final ByteBuffer drainBuffer = ByteBuffer.allocate(64);

  WakePipe() {
    try {
      pipe = Pipe.open();
      pipe.source().configureBlocking(false);
      // Never block a ringing thread: a full pipe already means the poller will wake.
      pipe.sink().configureBlocking(false);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create the wake-up pipe", e);
    }
  }

  /** The channel to poll for input. */
  SelectableChannel readEnd() {
    return pipe.source();
  }

  /** Any thread: makes the read end readable. */
  void ring() {
    try {
      pipe.sink().write(BELL.get().clear());
    } catch (IOException closed) {
      // The owner has stopped: there is nobody left to wake.
    }
  }

  /** Owner thread: consumes the pending wake-ups. */
  void drain() {
    try {
      while (pipe.source().read(drainBuffer.clear()) > 0) {
        // keep reading until the pipe is empty
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the wake-up pipe", e);
    }
  }

  @Override
  public void close() {
    try {
      pipe.sink().close();
      pipe.source().close();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot close the wake-up pipe", e);
    }
  }
}
