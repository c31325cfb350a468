package io.circus.process;

import java.util.List;

/** A child started by a {@link ProcessLauncher}. Thread-safe. */
public interface ChildProcess {

  int pid();

  /** True until the child has been reaped. */
  boolean isAlive();

  /**
   * Sends a signal to the child. Returns false when the child is already gone (it is never sent
   * to a reused pid: signals go through the pidfd).
   */
  boolean signal(int signal);

  /** Pids of the child's direct children, read from /proc; empty when it has none or is gone. */
  List<Integer> children();

  /** Pids of all the child's descendants (children, their children, ...), read from /proc. */
  List<Integer> descendants();

  /**
   * Stops (true) or resumes (false) reading the child's piped output; while paused, a child that
   * fills the pipe blocks in write, which is how a slow consumer holds it back without losing
   * output. Once it exited, what its pipes still hold (at most a pipe's worth) is delivered and the
   * exit reported, paused or not.
   */
  void pauseOutput(boolean paused);
}
