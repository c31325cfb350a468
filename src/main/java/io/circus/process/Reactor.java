package io.circus.process;

import com.sun.jna.Memory;
import java.util.HashMap;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one thread that watches every child: it blocks in epoll_wait on each child's pidfd (readable
 * once the child exited) and on circusd's ends of its output pipes, plus an eventfd that wakes it
 * for work submitted by other threads. It also watches other descriptors for input on request
 * ({@link FdWatch}: listening sockets of on-demand watchers). All epoll and pipe state is touched
 * on this thread only; other threads hand it commands.
 *
 * <p>Epoll tokens are {@code watchId << 2 | slot} (slot 0 the pidfd, 1 + {@link OutputKind} ordinal
 * a pipe, 3 a watched descriptor), never fd numbers: an fd closed and reused within one batch of
 * events cannot be taken for its old owner.
 */
final class Reactor implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(Reactor.class);
  private static final long WAKE_TOKEN = 0;
  private static final int EXIT_SLOT = 0;
  private static final int READINESS_SLOT = 3;
  private static final int MAX_EVENTS = 256;
  private static final int CHUNKS_PER_WAKEUP = 4;

  private final Epoll epoll = new Epoll(MAX_EVENTS);
  private final int wakeFd;
  private final Thread thread;
  private final Queue<Command> commands = new ConcurrentLinkedQueue<>();
  /** Guards {@code closed} and the eventfd: no thread may write to it once the reactor closed it. */
  private final Object lifecycle = new Object();
  private boolean closed;
  private volatile boolean stopping;

  // Reactor thread only.
  private final Map<Long, SpawnedChild> watched = new HashMap<>();
  private final Map<Long, FdWatch> fdWatches = new HashMap<>();
  private final OutputPump pump = new OutputPump();
  private final Memory siginfo = new Memory(Pidfd.SIGINFO_SIZE);
  private final long[] wakeCount = new long[1];
  private long lastWatchId;

  Reactor() {
    wakeFd = SystemCallException.check(LibC.eventfd(0, LibC.O_CLOEXEC | LibC.O_NONBLOCK), "eventfd");
    epoll.add(wakeFd, WAKE_TOKEN);
    thread = new Thread(this::run, "circus-process-reactor");
    thread.setDaemon(true);
    thread.start();
  }

  /**
   * Starts watching a child (any thread). Its listener may be called before this returns.
   *
   * @throws IllegalStateException when the reactor is closed; the child's descriptors are closed
   */
  void watch(SpawnedChild child) {
    if (!submit(new Command(child.toString(), () -> startWatching(child)))) {
      child.closeDescriptors();
      throw new IllegalStateException("the process launcher is closed; pid " + child.pid() + " is not watched");
    }
  }

  /** Any thread: makes the epoll interest in the child's pipes follow its paused flag. */
  void outputPauseChanged(SpawnedChild child) {
    submit(new Command(child.toString(), () -> updateOutputInterest(child)));
  }

  /**
   * Any thread: calls {@code onReadable} on this thread, once, when {@code fd} has input.
   *
   * @throws IllegalStateException when the reactor is closed
   */
  ReadinessWatch watchReadable(int fd, Runnable onReadable) {
    int copy = SystemCallException.check(LibC.fcntl(fd, LibC.F_DUPFD_CLOEXEC, 0), "fcntl F_DUPFD_CLOEXEC fd " + fd);
    FdWatch watch = new FdWatch(copy, onReadable, this);
    if (!submit(new Command("fd " + fd, () -> startWatching(watch)))) {
      LibC.close(copy);
      throw new IllegalStateException("the process launcher is closed; fd " + fd + " is not watched");
    }
    return watch;
  }

  /** Any thread, for {@link FdWatch#cancel}; once the reactor is closed, its shutdown releases the watch. */
  void unwatch(FdWatch watch) {
    submit(new Command("fd watch", () -> release(watch)));
  }

  boolean isClosed() {
    synchronized (lifecycle) {
      return closed;
    }
  }

  /** Stops the thread and closes every descriptor it holds; children keep running, unreported. */
  @Override
  public void close() {
    synchronized (lifecycle) {
      if (closed) return;
      closed = true;
      stopping = true;
      wake();
    }
    if (Thread.currentThread() != thread) {
      try {
        thread.join();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  /** Work for the reactor thread; {@code subject} names what it is about, for the log. */
  private record Command(String subject, Runnable action) {
  }

  private boolean submit(Command command) {
    synchronized (lifecycle) {
      if (closed) return false;
      commands.add(command);
      wake();
    }
    return true;
  }

  private void wake() {
    SystemCallException.check(LibC.eventfd_write(wakeFd, 1), "eventfd_write");
  }

  private void run() {
    try {
      while (!stopping) {
        int ready = epoll.await();
        for (int i = 0; i < ready; i++) dispatch(epoll.token(i));
        runCommands();
      }
    } catch (RuntimeException e) {
      LOG.error("the process reactor failed: exits and output of {} children are no longer reported",
          watched.size(), e);
    } finally {
      synchronized (lifecycle) {
        closed = true; // already, unless the loop failed
      }
      runCommands(); // those submitted before close: their descriptors are closed below
      watched.values().forEach(SpawnedChild::closeDescriptors);
      watched.clear();
      fdWatches.values().forEach(FdWatch::release);
      fdWatches.clear();
      epoll.close();
      LibC.close(wakeFd);
      siginfo.close();
    }
  }

  private void runCommands() {
    for (Command command = commands.poll(); command != null; command = commands.poll()) {
      try {
        command.action().run();
      } catch (RuntimeException e) {
        LOG.error("{}: {}", command.subject(), e.getMessage(), e);
      }
    }
  }

  private void dispatch(long token) {
    if (token == WAKE_TOKEN) {
      LibC.eventfd_read(wakeFd, wakeCount);
      return;
    }
    int slot = (int) (token & 3);
    if (slot == READINESS_SLOT) {
      FdWatch watch = fdWatches.get(token >>> 2);
      if (watch != null) onReadable(watch);
      return;
    }
    SpawnedChild child = watched.get(token >>> 2);
    if (child == null) return; // reported in the same batch as the child's exit
    try {
      if (slot == EXIT_SLOT) {
        onPidfdReadable(child);
      } else {
        onPipeReadable(child, child.pipes[slot - 1]);
      }
    } catch (RuntimeException e) {
      LOG.error("pid {}: {}", child.pid(), e.getMessage(), e);
    }
  }

  private void startWatching(SpawnedChild child) {
    try {
      child.watchId = ++lastWatchId;
      epoll.add(child.pidfd(), child.watchId << 2 | EXIT_SLOT);
      watched.put(child.watchId, child);
      updateOutputInterest(child);
    } catch (RuntimeException e) {
      LOG.error("pid {} cannot be watched, killing it: {}", child.pid(), e.getMessage(), e);
      watched.remove(child.watchId);
      child.closeDescriptors();
      Pidfd.killAndReap(child.pid());
      child.reaped(ExitStatus.killed(Signals.SIGKILL));
      child.deliverExit();
    }
  }

  private void startWatching(FdWatch watch) {
    if (watch.isCancelled()) {
      watch.release();
      return;
    }
    watch.watchId = ++lastWatchId;
    try {
      epoll.add(watch.copy, watch.watchId << 2 | READINESS_SLOT);
      fdWatches.put(watch.watchId, watch);
    } catch (RuntimeException e) {
      watch.release();
      throw e;
    }
  }

  /** One-shot: the watch ends before its callback runs, so the callback may start another. */
  private void onReadable(FdWatch watch) {
    release(watch);
    try {
      watch.fire();
    } catch (RuntimeException e) {
      LOG.error("callback for a readable descriptor failed", e);
    }
  }

  private void release(FdWatch watch) {
    if (fdWatches.remove(watch.watchId) == watch) epoll.remove(watch.copy);
    watch.release();
  }

  private void onPipeReadable(SpawnedChild child, OutputPipe pipe) {
    if (pipe.closed || child.outputPaused()) return;
    if (pump.pumpSome(child, pipe, CHUNKS_PER_WAKEUP)) release(pipe);
  }

  private void onPidfdReadable(SpawnedChild child) {
    // Reaped already (its exit waits for a resume): a stale event, and the pidfd is closed.
    if (child.exitStatus != null) return;
    ExitStatus status;
    try {
      status = Pidfd.tryReap(child.pidfd(), child.pid(), siginfo);
    } catch (SystemCallException e) {
      // ECHILD: another waiter (waitpid(-1), SIGCHLD ignored) took the status.
      LOG.error("pid {} exited but its status is lost ({}); reporting exit code 255", child.pid(), e.getMessage());
      status = ExitStatus.exited(255);
    }
    if (status == null) return;
    epoll.remove(child.pidfd());
    child.reaped(status);
    finishIfOutputDelivered(child);
  }

  /** Reports the exit of a reaped child once its output is delivered (paused or not: see {@link OutputPump#drain}). */
  private void finishIfOutputDelivered(SpawnedChild child) {
    if (child.exitStatus == null) return;
    for (OutputPipe pipe : child.pipes) {
      if (pipe == null || pipe.closed) continue;
      // The pidfd can turn readable before the last bytes were read: drain before reporting.
      pump.drain(child, pipe);
      release(pipe);
    }
    watched.remove(child.watchId);
    child.deliverExit();
  }

  private void updateOutputInterest(SpawnedChild child) {
    if (!watched.containsKey(child.watchId)) return; // already reported
    boolean wanted = !child.outputPaused();
    // Pausing removes the pipe from the set rather than clearing EPOLLIN with MOD: EPOLLHUP is
    // always reported, so a paused pipe whose writer exited would wake the reactor in a loop.
    for (OutputPipe pipe : child.pipes) {
      if (pipe == null || pipe.closed || pipe.watched == wanted) continue;
      if (wanted) {
        epoll.add(pipe.fd, child.watchId << 2 | (1 + pipe.kind.ordinal()));
      } else {
        epoll.remove(pipe.fd);
      }
      pipe.watched = wanted;
    }
    if (wanted) finishIfOutputDelivered(child);
  }

  private void release(OutputPipe pipe) {
    if (pipe.watched) epoll.remove(pipe.fd);
    pipe.watched = false;
    pipe.close();
  }
}
