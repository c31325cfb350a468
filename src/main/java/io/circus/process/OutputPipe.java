package io.circus.process;

/**
 * circusd's end of a child's stdout or stderr pipe: non-blocking, close-on-exec. Once the child is
 * watched, only the reactor thread touches it.
 */
final class OutputPipe {

  final OutputKind kind;
  final int fd;
  /** In the epoll set (not while output is paused). */
  boolean watched;
  /** Its size was raised once (or that was tried). */
  boolean enlarged;
  boolean closed;

  OutputPipe(OutputKind kind, int fd) {
    this.kind = kind;
    this.fd = fd;
  }

  void close() {
    if (!closed) {
      LibC.close(fd);
      closed = true;
    }
  }
}
