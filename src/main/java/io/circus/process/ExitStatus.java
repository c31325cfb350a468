package io.circus.process;

/** How a child ended: an exit code, or the number of the signal that killed it. */
public record ExitStatus(int code, int signal) {

  public static ExitStatus exited(int code) {
    return new ExitStatus(code, 0);
  }

  public static ExitStatus killed(int signal) {
    return new ExitStatus(0, signal);
  }

  public boolean killedBySignal() {
    return signal != 0;
  }

  /** Circus's {@code exit_code} in {@code reap} events: the status, or minus the signal. */
  public int circusExitCode() {
    return signal != 0 ? -signal : code;
  }
}
