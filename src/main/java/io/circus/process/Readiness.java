package io.circus.process;

import com.sun.jna.Memory;

/**
 * Which descriptors have input waiting right now (on a listening socket: a connection to accept),
 * with one {@code poll} that does not wait. Called from any thread; it never blocks.
 */
public final class Readiness {

  private static final int POLLFD_SIZE = 8; // struct pollfd: int fd, short events, short revents
  private static final short POLLIN = 1;

  private Readiness() {
  }

  /** For each of {@code fds}, whether it is readable now; a closed descriptor is not. */
  public static boolean[] readableNow(int[] fds) {
    boolean[] readable = new boolean[fds.length];
    if (fds.length == 0) {
      return readable;
    }
    try (Memory pollfds = new Memory((long) POLLFD_SIZE * fds.length)) {
      for (int i = 0; i < fds.length; i++) {
        pollfds.setInt((long) i * POLLFD_SIZE, fds[i]);
        pollfds.setShort((long) i * POLLFD_SIZE + 4, POLLIN);
        pollfds.setShort((long) i * POLLFD_SIZE + 6, (short) 0);
      }
      if (LibC.poll(pollfds, fds.length, 0) > 0) {
        for (int i = 0; i < fds.length; i++) {
          readable[i] = (pollfds.getShort((long) i * POLLFD_SIZE + 6) & POLLIN) != 0;
        }
      }
    }
    return readable;
  }
}
