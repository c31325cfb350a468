package io.circus.arbiter;

/** Sends a signal to a pid that is not one of ours directly (a child of a child). */
@FunctionalInterface
public interface PidSignaller {

  /** False when there is no such process. */
  boolean signal(int pid, int signal);
}
