package io.circus.process;

import java.nio.ByteBuffer;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A child started by {@link NativeProcessLauncher}: the handle callers use (thread-safe), and the
 * state the {@link Reactor} keeps about it (reactor thread only, marked so below).
 */
final class SpawnedChild implements ChildProcess {

  private static final Logger LOG = LoggerFactory.getLogger(SpawnedChild.class);

  private final int pid;
  private final int pidfd;
  private final ProcessListener listener;
  private final Reactor reactor;
  private volatile boolean alive = true;
  private volatile boolean outputPaused;
  /** Guarded by this: once true the pidfd number may belong to another file. */
  private boolean pidfdClosed;

  // Reactor thread only.
  /** Indexed by {@link OutputKind#ordinal()}; null for a stream that is not piped. */
  final OutputPipe[] pipes;
  long watchId;
  ExitStatus exitStatus;

  SpawnedChild(int pid, int pidfd, OutputPipe[] pipes, ProcessListener listener, Reactor reactor) {
    this.pid = pid;
    this.pidfd = pidfd;
    this.pipes = pipes;
    this.listener = listener;
    this.reactor = reactor;
  }

  @Override
  public int pid() {
    return pid;
  }

  @Override
  public boolean isAlive() {
    return alive;
  }

  @Override
  public synchronized boolean signal(int signal) {
    return !pidfdClosed && Kill.viaPidfd(pidfd, pid, signal);
  }

  @Override
  public List<Integer> children() {
    return alive ? ProcessTree.children(pid) : List.of();
  }

  @Override
  public List<Integer> descendants() {
    return alive ? ProcessTree.descendants(pid) : List.of();
  }

  /** Takes effect on the reactor thread: output already being delivered may still arrive. */
  @Override
  public void pauseOutput(boolean paused) {
    outputPaused = paused;
    reactor.outputPauseChanged(this);
  }

  boolean outputPaused() {
    return outputPaused;
  }

  int pidfd() {
    return pidfd;
  }

  /** Reactor thread: the child was reaped; its pid is free, so the pidfd goes too. */
  void reaped(ExitStatus status) {
    exitStatus = status;
    alive = false;
    closePidfd();
  }

  /** Closes every descriptor circusd holds for this child (the child itself is not touched). */
  void closeDescriptors() {
    closePidfd();
    for (OutputPipe pipe : pipes) {
      if (pipe != null) pipe.close();
    }
  }

  private synchronized void closePidfd() {
    if (!pidfdClosed) {
      LibC.close(pidfd);
      pidfdClosed = true;
    }
  }

  /** Reactor thread: hands output to the listener; a listener failure is logged, not propagated. */
  void deliverOutput(OutputKind kind, ByteBuffer data) {
    try {
      listener.onOutput(this, kind, data);
    } catch (Throwable e) {
      listenerFailed(e, "onOutput(" + kind.circusName() + ")");
    }
  }

  /** Reactor thread: reports the exit, once. */
  void deliverExit() {
    try {
      listener.onExit(this, exitStatus);
    } catch (Throwable e) {
      listenerFailed(e, "onExit(" + exitStatus + ")");
    }
  }

  private void listenerFailed(Throwable e, String call) {
    if (e instanceof VirtualMachineError fatal) throw fatal;
    LOG.error("listener of pid {} failed in {}", pid, call, e);
  }

  @Override
  public String toString() {
    return "child " + pid;
  }
}
