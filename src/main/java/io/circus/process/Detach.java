package io.circus.process;

import com.sun.jna.Memory;
import com.sun.jna.Native;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

/**
 * {@code circusd --daemon} without fork: the command starts this same JVM command again (minus
 * {@code --daemon}) in a new session, with the write end of a pipe as fd 3, and waits. The
 * detached copy writes "ready" there once it is up, then points its standard streams at
 * /dev/null; the waiting command exits 0. If the copy dies before that, its exit status is the
 * command's: the errors it printed went to the terminal.
 */
public final class Detach {

  /** Set in the detached copy's environment: the fd of the pipe to report readiness on. */
  public static final String READY_FD_VARIABLE = "CIRCUSD_READY_FD";
  private static final byte[] READY = "ready\n".getBytes(StandardCharsets.US_ASCII);

  private Detach() {
  }

  public static boolean isDetachedChild() {
    return System.getenv(READY_FD_VARIABLE) != null;
  }

  /** circusd's environment as its children may see it (without the readiness variable). */
  public static Map<String, String> daemonEnvironment() {
    Map<String, String> env = new HashMap<>(System.getenv());
    env.remove(READY_FD_VARIABLE);
    return env;
  }

  /**
   * Starts the detached copy of {@code mainClass} with {@code args} (without {@code --daemon})
   * and returns the status this command should exit with.
   */
  public static int relaunchDetached(String mainClass, List<String> args) {
    int[] pipe = new int[2];
    SystemCallException.check(LibC.pipe2(pipe, LibC.O_CLOEXEC), "pipe2");
    CompletableFuture<ExitStatus> exit = new CompletableFuture<>();
    Map<String, String> env = new HashMap<>(System.getenv());
    env.put(READY_FD_VARIABLE, Integer.toString(SpawnRequest.FIRST_PASSED_FD));
    try (NativeProcessLauncher launcher = new NativeProcessLauncher()) {
      ChildProcess child;
      try {
        child = launcher.spawn(new SpawnRequest(javaCommand(mainClass, args), null, env, null, null, null, null,
            Map.of(), Stdio.NULL, Stdio.INHERIT, Stdio.INHERIT, List.of(PassedFd.of(pipe[1]))), (c, status) -> exit.complete(status));
      } catch (SpawnException e) {
        System.err.println("circusd: cannot start the daemon: " + e.getMessage());
        return 1;
      } finally {
        LibC.close(pipe[1]);
      }
      boolean ready = readsReady(pipe[0]);
      if (ready) {
        System.out.println("circusd started in the background (pid " + child.pid() + ")");
        return 0;
      }
      return exit.get().code() != 0 ? exit.get().code() : 1;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return 1;
    } catch (ExecutionException e) {
      return 1;
    } finally {
      LibC.close(pipe[0]);
    }
  }

  /**
   * In the detached copy, once the daemon is up: tells the waiting command, then moves
   * stdin, stdout and stderr to /dev/null so the terminal can go.
   */
  public static void reportReadyAndLeaveTerminal() {
    int fd = Integer.parseInt(System.getenv(READY_FD_VARIABLE));
    LibC.write(fd, READY, READY.length);
    LibC.close(fd);
    int devNull = SystemCallException.check(LibC.open("/dev/null", LibC.O_RDWR), "open /dev/null");
    for (int std = 0; std <= 2; std++) {
      SystemCallException.check(LibC.dup2(devNull, std), "dup2");
    }
    LibC.close(devNull);
  }

  private static boolean readsReady(int fd) {
    Memory buffer = new Memory(READY.length);
    int got = 0;
    while (got < READY.length) {
      long n = LibC.read(fd, buffer.share(got), READY.length - got);
      if (n <= 0) {
        if (n < 0 && Native.getLastError() == LibC.EINTR) continue;
        return false;
      }
      got += (int) n;
    }
    return Arrays.equals(buffer.getByteArray(0, READY.length), READY);
  }

  private static List<String> javaCommand(String mainClass, List<String> args) {
    List<String> argv = new ArrayList<>();
    argv.add(ProcessHandle.current().info().command().orElse(System.getProperty("java.home") + "/bin/java"));
    argv.addAll(ManagementFactory.getRuntimeMXBean().getInputArguments());
    argv.add("-cp");
    argv.add(System.getProperty("java.class.path"));
    argv.add(mainClass);
    args.stream().filter(a -> !a.equals("--daemon")).forEach(argv::add);
    return argv;
  }
}
