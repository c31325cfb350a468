package io.circus.process;

/**
 * A socket could not be created or bound. {@code step} says which part of the setup failed, so
 * that a caller can point at the option responsible; {@code errno} is the OS error number (0 when
 * the failure is not an OS error).
 */
public final class SocketBindException extends Exception {

  /** The parts of creating a socket, in order. */
  public enum Step { CREATE, DEVICE, FILE, BIND, PERMISSIONS, LISTEN }

  private final Step step;
  private final int errno;

  SocketBindException(Step step, int errno, String message) {
    super(message);
    this.step = step;
    this.errno = errno;
  }

  public Step step() {
    return step;
  }

  public int errno() {
    return errno;
  }
}
