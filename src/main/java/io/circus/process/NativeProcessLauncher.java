package io.circus.process;

import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Objects;

/**
 * The {@link ProcessLauncher} of circusd: posix_spawn through libc (nothing forked inside the JVM),
 * exits and output watched by one reactor thread with epoll on pidfds and pipes (and on the
 * descriptors given to {@link #watchReadable}). Create one per JVM and close it at shutdown.
 *
 * <p>Listener calls all run on that one thread, one at a time: for a given child, its output in
 * order, then its exit exactly once. They may start before {@link #spawn} returns.
 */
public final class NativeProcessLauncher implements ProcessLauncher {

  private final Reactor reactor = new Reactor();

  /**
   * Starts a child as {@link ProcessLauncher#spawn} says. The program and the working directory are
   * checked first, in the JVM; user, group, rlimits and umask are applied by exec-ing through
   * {@code prlimit}, {@code setpriv} and a shell (see {@link WrapperCommand}): a failure of those
   * tools shows as the child's exit, not as a {@link SpawnException}.
   *
   * @throws IllegalStateException when the launcher is closed
   */
  @Override
  public ChildProcess spawn(SpawnRequest request, ProcessListener listener) throws SpawnException {
    Objects.requireNonNull(listener, "listener");
    if (reactor.isClosed()) throw new IllegalStateException("the process launcher is closed");
    String program = request.executable() != null ? request.executable() : request.argv().get(0);
    Path file = ExecutableLookup.resolve(program, request.env().get("PATH"), workingDirectory(request.workingDir()));
    ExecCommand command = WrapperCommand.wrap(file, request, UserLookup.resolve(request.user(), request.group()));
    try (ChildStdio stdio = ChildStdio.open(request, program)) {
      int pid = PosixSpawn.spawn(command, request.env(), stdio.sources(), request.workingDir(), program);
      SpawnedChild child = new SpawnedChild(pid, openPidfd(pid, program), stdio.handOverReadEnds(), listener, reactor);
      reactor.watch(child);
      return child;
    }
  }

  @Override
  public boolean signalPid(int pid, int signal) {
    return Kill.viaPid(pid, signal);
  }

  @Override
  public ReadinessWatch watchReadable(int fd, Runnable onReadable) {
    Objects.requireNonNull(onReadable, "onReadable");
    return reactor.watchReadable(fd, onReadable);
  }

  /** Stops the reactor thread and closes its descriptors; children keep running, no longer reported. */
  @Override
  public void close() {
    reactor.close();
  }

  private static Path workingDirectory(String workingDir) throws SpawnException {
    Path current = Path.of("").toAbsolutePath();
    if (workingDir == null) return current;
    try {
      Path dir = current.resolve(workingDir);
      if (Files.isDirectory(dir)) return dir;
      int errno = Files.exists(dir) ? LibC.ENOTDIR : LibC.ENOENT;
      throw new SpawnException(errno,
          "working directory '" + workingDir + "': " + SystemCallException.describe(errno));
    } catch (InvalidPathException e) {
      throw new SpawnException(LibC.EINVAL, "working directory '" + workingDir + "': " + e.getMessage());
    }
  }

  private static int openPidfd(int pid, String program) throws SpawnException {
    try {
      return Pidfd.open(pid);
    } catch (SystemCallException e) {
      Pidfd.killAndReap(pid); // unwatchable: better no child than one nobody reaps
      throw new SpawnException(e.errno(), "cannot watch '" + program + "' (pid " + pid + "): " + e.getMessage());
    }
  }
}
