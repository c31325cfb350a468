package io.circus.process;

import com.sun.jna.Memory;
import com.sun.jna.Native;
import com.sun.jna.Platform;

/**
 * An epoll set whose entries carry a 64-bit token. Level-triggered, EPOLLIN only (EPOLLHUP and
 * EPOLLERR are always reported). After construction, only the reactor thread uses it.
 */
final class Epoll implements AutoCloseable {

  // struct epoll_event { uint32_t events; uint64_t data; } is packed on x86_64 (12 bytes, data
  // at 4) and naturally aligned elsewhere (16 bytes, data at 8).
  private static final int EVENT_SIZE = Platform.isIntel() ? 12 : 16;
  private static final int DATA_OFFSET = Platform.isIntel() ? 4 : 8;

  private final int fd;
  private final int capacity;
  private final Memory ready;
  private final Memory request = new Memory(EVENT_SIZE);

  Epoll(int capacity) {
    this.capacity = capacity;
    this.ready = new Memory((long) capacity * EVENT_SIZE);
    this.fd = SystemCallException.check(LibC.epoll_create1(LibC.O_CLOEXEC), "epoll_create1");
  }

  /** Watches {@code watched} for input (or hang-up); {@link #token} then reports {@code token}. */
  void add(int watched, long token) {
    request.setInt(0, LibC.EPOLLIN);
    request.setLong(DATA_OFFSET, token);
    SystemCallException.check(LibC.epoll_ctl(fd, LibC.EPOLL_CTL_ADD, watched, request), "epoll_ctl ADD fd " + watched);
  }

  void remove(int watched) {
    SystemCallException.check(LibC.epoll_ctl(fd, LibC.EPOLL_CTL_DEL, watched, request), "epoll_ctl DEL fd " + watched);
  }

  /** Blocks until some entries are ready; returns how many (0 when a signal interrupted the wait). */
  int await() {
    int count = LibC.epoll_wait(fd, ready, capacity, -1);
    if (count == -1) {
      if (Native.getLastError() == LibC.EINTR) return 0;
      throw SystemCallException.lastError("epoll_wait");
    }
    return count;
  }

  /** The token of the i-th ready entry of the last {@link #await}. */
  long token(int i) {
    return ready.getLong((long) i * EVENT_SIZE + DATA_OFFSET);
  }

  @Override
  public void close() {
    LibC.close(fd);
    ready.close();
    request.close();
  }
}
