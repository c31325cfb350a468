package io.circus.process;

import java.nio.ByteBuffer;

/**
 * Receives what the reactor sees of one child. Both methods run on the reactor thread: they must
 * return quickly and never block (hand the work to its owner context).
 */
public interface ProcessListener {

  /**
   * Bytes read from a piped stdout or stderr, in order. The buffer is only valid during the call:
   * copy what must be kept.
   */
  default void onOutput(ChildProcess process, OutputKind kind, ByteBuffer data) {
  }

  /**
   * The child has exited and has been reaped; every byte it wrote to its pipes was delivered to
   * {@link #onOutput} before this call. Called exactly once.
   */
  void onExit(ChildProcess process, ExitStatus status);
}
