package io.circus.process;

/** A child could not be started. {@code errno} is the OS error number (0 when not an OS error). */
public final class SpawnException extends Exception {

  private final int errno;

  public SpawnException(int errno, String message) {
    super(message);
    this.errno = errno;
  }

  public int errno() {
    return errno;
  }
}
