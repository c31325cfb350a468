package io.circus.process;

import java.util.ArrayList;
import java.util.List;

/**
 * The descriptors a child starts with: fd 0, 1, 2 per {@link Stdio}, then the passed fds. Creates
 * the pipes for piped output and the child's own sockets; closing it closes the child's ends of
 * both (the child has its copies), and circusd's read ends too unless they were handed over to a
 * {@link SpawnedChild}.
 */
final class ChildStdio implements AutoCloseable {

  private final int[] sources;
  private final List<OutputPipe> readEnds = new ArrayList<>(2);
  private final List<Integer> writeEnds = new ArrayList<>(2);
  private final List<BoundSocket> ownSockets = new ArrayList<>(0);
  private boolean handedOver;

  private ChildStdio(int count) {
    sources = new int[count];
  }

  static ChildStdio open(SpawnRequest request, String program) throws SpawnException {
    ChildStdio stdio = new ChildStdio(SpawnRequest.FIRST_PASSED_FD + request.passFds().size());
    try {
      stdio.sources[0] = stdio.source(request.stdin(), 0, null, program);
      stdio.sources[1] = stdio.source(request.stdout(), 1, OutputKind.STDOUT, program);
      stdio.sources[2] = stdio.source(request.stderr(), 2, OutputKind.STDERR, program);
      for (int i = 0; i < request.passFds().size(); i++) {
        int target = SpawnRequest.FIRST_PASSED_FD + i;
        stdio.sources[target] = stdio.passed(request.passFds().get(i), target, program);
      }
      return stdio;
    } catch (SpawnException | RuntimeException e) {
      stdio.close();
      throw e;
    }
  }

  /** For {@link FileActions}: the descriptor of circusd each child fd comes from. */
  int[] sources() {
    return sources;
  }

  /** circusd's ends of the output pipes, now owned by the caller. */
  OutputPipe[] handOverReadEnds() {
    handedOver = true;
    OutputPipe[] byKind = new OutputPipe[OutputKind.values().length];
    for (OutputPipe pipe : readEnds) byKind[pipe.kind.ordinal()] = pipe;
    return byKind;
  }

  private int source(Stdio stdio, int target, OutputKind kind, String program) throws SpawnException {
    if (stdio instanceof Stdio.Null) return FileActions.DEV_NULL;
    if (stdio instanceof Stdio.Inherit) return requireOpen(target, "inherited as fd " + target, program);
    if (stdio instanceof Stdio.Fd fd) return requireOpen(fd.fd(), "given as fd " + target, program);
    return openPipe(kind); // a Pipe; SpawnRequest refuses one for stdin

  }

  private int passed(PassedFd passed, int target, String program) throws SpawnException {
    if (passed instanceof PassedFd.Open open) return requireOpen(open.fd(), "passed as fd " + target, program);
    SocketSetup setup = ((PassedFd.OwnSocket) passed).setup();
    try {
      BoundSocket socket = SocketBinder.bind(setup);
      ownSockets.add(socket);
      return socket.fd();
    } catch (SocketBindException e) {
      throw new SpawnException(e.errno(), "cannot start '" + program + "': its socket for fd " + target + ": "
          + e.getMessage());
    }
  }

  private int openPipe(OutputKind kind) {
    int[] ends = new int[2];
    // Close-on-exec: a child spawned meanwhile by another thread must not get this pipe.
    SystemCallException.check(LibC.pipe2(ends, LibC.O_CLOEXEC), "pipe2");
    readEnds.add(new OutputPipe(kind, ends[0]));
    writeEnds.add(ends[1]);
    // Only circusd's end is non-blocking: the child writes in blocking mode, so a full pipe holds it.
    int flags = SystemCallException.check(LibC.fcntl(ends[0], LibC.F_GETFL, 0), "fcntl F_GETFL");
    SystemCallException.check(LibC.fcntl(ends[0], LibC.F_SETFL, flags | LibC.O_NONBLOCK), "fcntl F_SETFL");
    return ends[1];
  }

  private static int requireOpen(int fd, String role, String program) throws SpawnException {
    if (fd < 0 || LibC.fcntl(fd, LibC.F_GETFD, 0) == -1) {
      throw new SpawnException(LibC.EBADF, "cannot start '" + program + "': descriptor " + fd + " " + role
          + " is not open in circusd");
    }
    return fd;
  }

  @Override
  public void close() {
    writeEnds.forEach(LibC::close);
    ownSockets.forEach(BoundSocket::close);
    if (!handedOver) readEnds.forEach(OutputPipe::close);
  }
}
