package io.circus.process;

import com.sun.jna.Memory;

/**
 * Waits for input on descriptors (on a listening socket: a connection to accept) with
 * {@code poll}. It keeps its {@code struct pollfd} array from one call to the next: use one from
 * one thread at a time.
 */
public final class Readiness implements AutoCloseable {

  private static final int POLLFD_SIZE = 8; // struct pollfd: int fd, short events, short revents
  private static final short POLLIN = 1;

  private Memory pollfds;

  /**
   * Waits until one of {@code fds} has input, or something else to report (a closed descriptor),
   * or {@code timeoutMillis} have passed; marks in {@code readable} those with input.
   *
   * @return how many descriptors have something to report (0 on time-out)
   */
  public int await(int[] fds, boolean[] readable, int timeoutMillis) {
    long size = (long) POLLFD_SIZE * Math.max(1, fds.length);
    if (pollfds == null || pollfds.size() < size) {
      close();
      pollfds = new Memory(size);
    }
    for (int i = 0; i < fds.length; i++) {
      pollfds.setInt((long) i * POLLFD_SIZE, fds[i]);
      pollfds.setShort((long) i * POLLFD_SIZE + 4, POLLIN);
      pollfds.setShort((long) i * POLLFD_SIZE + 6, (short) 0);
    }
    int ready = LibC.poll(pollfds, fds.length, timeoutMillis);
    for (int i = 0; i < fds.length; i++) {
      readable[i] = ready > 0 && (pollfds.getShort((long) i * POLLFD_SIZE + 6) & POLLIN) != 0;
    }
    return Math.max(0, ready);
  }

  /** Frees the array. */
  @Override
  public void close() {
    if (pollfds != null) {
      pollfds.close();
      pollfds = null;
    }
  }
}
