package io.circus.process;

import com.sun.jna.Native;
import com.sun.jna.Pointer;
import java.nio.ByteBuffer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Moves bytes from children's pipes to their listeners through one reused direct buffer (reactor thread only). */
final class OutputPump {

  /** One read: as much as an enlarged pipe holds. */
  static final int CHUNK_SIZE = 1024 * 1024;
  /** Half of Linux's default pipe size (64 KiB): a read this big found the pipe about full. */
  private static final int FULL_PIPE_READ = 32 * 1024;
  private static final Logger LOG = LoggerFactory.getLogger(OutputPump.class);
  private static final int NOTHING_TO_READ = -1;

  private final ByteBuffer buffer = ByteBuffer.allocateDirect(CHUNK_SIZE);
  private final Pointer address = Native.getDirectBufferPointer(buffer);
  private final int[] pending = new int[1];

  /**
   * Delivers at most {@code maxChunks} chunks, so that one chatty child cannot starve the others
   * (epoll is level-triggered: the rest is reported again). Returns true at end of file.
   */
  boolean pumpSome(SpawnedChild child, OutputPipe pipe, int maxChunks) {
    for (int i = 0; i < maxChunks; i++) {
      long read = pumpChunk(child, pipe, CHUNK_SIZE);
      if (read == 0) return true;
      if (read >= FULL_PIPE_READ) enlarge(pipe);
      // A short read emptied the pipe: epoll reports the next bytes, no need for a read that says EAGAIN.
      if (read == NOTHING_TO_READ || read < CHUNK_SIZE || child.outputPaused()) return false;
    }
    return false;
  }

  /**
   * Delivers what the pipe holds now (FIONREAD), which after the child's exit is all the child
   * wrote; a process that inherited the pipe and writes on cannot keep the reactor here. Paused
   * or not: it is at most one pipe's worth, and a stream that stopped taking output must not hold
   * the exit (and so a stop of the watcher) for ever.
   */
  void drain(SpawnedChild child, OutputPipe pipe) {
    SystemCallException.check(LibC.ioctl(pipe.fd, LibC.FIONREAD, pending), "ioctl FIONREAD of pid " + child.pid());
    long left = pending[0];
    while (left > 0) {
      long read = pumpChunk(child, pipe, (int) Math.min(left, CHUNK_SIZE));
      if (read <= 0) break;
      left -= read;
    }
  }

  /**
   * A child that fills its pipe gets a bigger one (up to {@link #CHUNK_SIZE}): it is woken, and
   * circusd reads, up to 16 times less often. Only for those, since the pages count against the
   * user's pipe quota; refused beyond /proc/sys/fs/pipe-max-size or the quota, the pipe stays as it is.
   */
  private static void enlarge(OutputPipe pipe) {
    if (pipe.enlarged) return;
    pipe.enlarged = true;
    LibC.fcntl(pipe.fd, LibC.F_SETPIPE_SZ, CHUNK_SIZE);
  }

  /** Bytes delivered, 0 at end of file (or on a read error, logged), or NOTHING_TO_READ. */
  private long pumpChunk(SpawnedChild child, OutputPipe pipe, int max) {
    long read;
    do {
      read = LibC.read(pipe.fd, address, max);
    } while (read == -1 && Native.getLastError() == LibC.EINTR);
    if (read > 0) {
      buffer.clear().limit((int) read);
      child.deliverOutput(pipe.kind, buffer);
      return read;
    }
    if (read == 0) return 0;
    int errno = Native.getLastError();
    if (errno == LibC.EAGAIN) return NOTHING_TO_READ;
    LOG.error("pid {}: reading its {} failed, closing it: {}", child.pid(), pipe.kind.circusName(),
        SystemCallException.describe(errno));
    return 0;
  }
}
