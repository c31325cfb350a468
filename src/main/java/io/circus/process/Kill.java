package io.circus.process;

import com.sun.jna.Native;

/** Sends signals: through a pidfd (never hits a reused pid) or, for descendants, with kill(2). */
final class Kill {

  private Kill() {
  }

  /** Signals the process behind {@code pidfd}; false when it has exited. */
  static boolean viaPidfd(int pidfd, int pid, int signal) {
    int result = (int) LibC.syscall(LibC.SYS_PIDFD_SEND_SIGNAL, pidfd, signal, null, 0);
    return delivered(result, "pidfd_send_signal", pid, signal);
  }

  /** Signals {@code pid}; false when there is no such process. */
  static boolean viaPid(int pid, int signal) {
    return delivered(LibC.kill(pid, signal), "kill", pid, signal);
  }

  private static boolean delivered(int result, String call, int pid, int signal) {
    if (result == 0) return true;
    if (Native.getLastError() == LibC.ESRCH) return false;
    SystemCallException error = SystemCallException.lastError(call + " " + signalName(signal) + " to pid " + pid);
    if (error.errno() == LibC.EINVAL) throw new IllegalArgumentException(error.getMessage(), error);
    throw new IllegalStateException(error.getMessage(), error);
  }

  private static String signalName(int signal) {
    return Signals.name(signal).orElse("signal " + signal);
  }
}
