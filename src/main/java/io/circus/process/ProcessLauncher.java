package io.circus.process;

/**
 * Starts children and watches them. Implementations own the thread(s) that observe exits and
 * output; callers get notified through the {@link ProcessListener} given at spawn time.
 */
public interface ProcessLauncher extends AutoCloseable {

  /**
   * Starts a child. The call returns once the child has been created and its program executed
   * (a failed exec is reported here, not as an exit). It may take about a millisecond: callers
   * on an event loop should batch or offload it.
   *
   * @throws SpawnException with the OS error when the program cannot be started (no such file,
   *     permission denied, unknown user, ...)
   */
  ChildProcess spawn(SpawnRequest request, ProcessListener listener) throws SpawnException;

  /** Sends a signal to any pid (a descendant of a child); false if there is no such process. */
  boolean signalPid(int pid, int signal);

  /**
   * Calls {@code onReadable} once, on the thread that watches the children, when {@code fd} has
   * input (on a listening socket: a connection waits to be accepted, and stays queued for whoever
   * accepts it). The callback must not block; the caller may close {@code fd} at any time.
   *
   * @throws IllegalStateException when the launcher is closed
   */
  ReadinessWatch watchReadable(int fd, Runnable onReadable);

  /** Stops watching; children keep running. */
  @Override
  void close();
}
