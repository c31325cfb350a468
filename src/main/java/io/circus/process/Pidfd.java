package io.circus.process;

import com.sun.jna.Memory;
import com.sun.jna.Native;

/**
 * A child's pidfd: readable once the child has exited, and the handle to reap exactly that child.
 * Reaping is per child on purpose: waitpid(-1) would also take the exit statuses of processes the
 * JDK itself started (ProcessBuilder), which then never see them.
 */
final class Pidfd {

  /** Size of the siginfo_t buffer {@link #tryReap} needs. */
  static final int SIGINFO_SIZE = 128;
  // siginfo_t on Linux: si_code at 8, si_pid at 16, si_status at 24.
  private static final int SI_CODE = 8;
  private static final int SI_PID = 16;
  private static final int SI_STATUS = 24;
  private static final int CLD_EXITED = 1;
  private static final int CLD_KILLED = 2;
  private static final int CLD_DUMPED = 3;

  private Pidfd() {
  }

  /** Opens a pidfd (close-on-exec) for a child that is not reaped yet, so the pid cannot be reused. */
  static int open(int pid) {
    return SystemCallException.check((int) LibC.syscall(LibC.SYS_PIDFD_OPEN, pid, 0), "pidfd_open " + pid);
  }

  /**
   * Reaps the child if it has exited; null while it runs.
   *
   * @param siginfo a {@link #SIGINFO_SIZE} buffer owned by the calling thread
   */
  static ExitStatus tryReap(int pidfd, int pid, Memory siginfo) {
    siginfo.setInt(SI_PID, 0); // waitid leaves it 0 when WNOHANG finds nothing to reap
    while (LibC.waitid(LibC.P_PIDFD, pidfd, siginfo, LibC.WEXITED | LibC.WNOHANG) == -1) {
      if (Native.getLastError() != LibC.EINTR) throw SystemCallException.lastError("waitid for pid " + pid);
    }
    if (siginfo.getInt(SI_PID) == 0) return null;
    int code = siginfo.getInt(SI_CODE);
    int status = siginfo.getInt(SI_STATUS);
    return switch (code) {
      case CLD_EXITED -> ExitStatus.exited(status);
      case CLD_KILLED, CLD_DUMPED -> ExitStatus.killed(status);
      default -> throw new IllegalStateException("waitid for pid " + pid + " reported si_code " + code);
    };
  }

  /** Last resort when a child cannot be watched: SIGKILL it and reap it (a blocking, short wait). */
  static void killAndReap(int pid) {
    LibC.kill(pid, Signals.SIGKILL);
    try (Memory siginfo = new Memory(SIGINFO_SIZE)) {
      int result;
      do {
        result = LibC.waitid(LibC.P_PID, pid, siginfo, LibC.WEXITED);
      } while (result == -1 && Native.getLastError() == LibC.EINTR);
    }
  }
}
