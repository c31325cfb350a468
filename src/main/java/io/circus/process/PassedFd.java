package io.circus.process;

/** A descriptor a child gets beyond its standard streams (see {@link SpawnRequest#passFds}). */
public sealed interface PassedFd {

  /** A descriptor circusd has open, such as a socket it shares with all its children. */
  record Open(int fd) implements PassedFd {}

  /**
   * A socket bound for this child alone (SO_REUSEPORT: each child has its own socket on the same
   * address); circusd closes its copy once the child is started.
   */
  record OwnSocket(SocketSetup setup) implements PassedFd {}

  static PassedFd of(int fd) {
    return new Open(fd);
  }
}
