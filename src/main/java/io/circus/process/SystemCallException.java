package io.circus.process;

import com.sun.jna.Native;

/** A libc call failed inside the process layer; carries errno and says which call on what. */
final class SystemCallException extends RuntimeException {

  private final int errno;

  SystemCallException(int errno, String call) {
    super(call + ": " + describe(errno));
    this.errno = errno;
  }

  /** The failure of the call that just returned -1 on this thread (JNA saved its errno). */
  static SystemCallException lastError(String call) {
    return new SystemCallException(Native.getLastError(), call);
  }

  /** Returns {@code result}, or throws with errno when it is -1. */
  static int check(int result, String call) {
    if (result == -1) throw lastError(call);
    return result;
  }

  /** For calls that return an error number (0 for success) instead of setting errno. */
  static void checkReturned(int error, String call) {
    if (error != 0) throw new SystemCallException(error, call);
  }

  /** The OS text for an error number, e.g. "No such file or directory". */
  static String describe(int errno) {
    return LibC.strerror(errno);
  }

  int errno() {
    return errno;
  }
}
