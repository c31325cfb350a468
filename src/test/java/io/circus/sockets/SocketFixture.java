package io.circus.sockets;

import static org.awaitility.Awaitility.await;

import io.circus.arbiter.Arbiter;
import io.circus.arbiter.ArbiterVerticle;
import io.circus.arbiter.Await;
import io.circus.arbiter.Watcher;
import io.circus.config.ConfigLoader;
import io.circus.process.NativeProcessLauncher;
import io.circus.testing.ProcFs;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** An arbiter deployed from a circus.ini text with real children, and what tests read about them. */
final class SocketFixture {

  /** The example worker, named in the configurations as {@code WORKER}. */
  static final String WORKER = Path.of("examples", "http_worker.py").toAbsolutePath().toString();

  private SocketFixture() {
  }

  /** Deploys an arbiter (sockets bound, watchers registered, not started); WORKER in the text is the example worker. */
  static Future<Arbiter> deploy(Vertx vertx, Path dir, String ini) {
    try {
      Path file = Files.writeString(dir.resolve("circus.ini"), ini.replace("WORKER", WORKER));
      return ArbiterVerticle.deploy(vertx, ConfigLoader.load(file, System.getenv()), NativeProcessLauncher::new,
          System.getenv());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Deploys and starts. */
  static Arbiter started(Vertx vertx, Path dir, String ini) {
    Arbiter arbiter = Await.result(deploy(vertx, dir, ini));
    Await.result(arbiter.start());
    return arbiter;
  }

  static CircusSocket socket(Arbiter arbiter, String name) {
    return arbiter.sockets().stream().filter(s -> s.name().equals(name)).findFirst().orElseThrow();
  }

  static int port(Arbiter arbiter, String name) {
    return socket(arbiter, name).info().getInteger("port");
  }

  /** Waits until the watcher has {@code count} processes, each of them serving (its socket printed). */
  static List<Integer> awaitServing(Watcher watcher, int count) {
    await().atMost(Duration.ofSeconds(30)).until(() -> watcher.snapshot().pids().size() == count
        && watcher.snapshot().pids().stream().allMatch(SocketFixture::inSelect));
    return watcher.snapshot().pids();
  }

  /** A worker waiting for connections sleeps in select (its "wchan" says so, once Python has started). */
  static boolean inSelect(int pid) {
    try {
      String wchan = Files.readString(Path.of("/proc", Integer.toString(pid), "wchan"));
      return wchan.contains("select") || wchan.contains("poll");
    } catch (IOException gone) {
      return false;
    }
  }

  /** What the process's descriptors refer to, by fd ("socket:[123]", "/dev/null", ...). */
  static List<String> fdTargets(long pid) {
    List<Path> fds;
    try (var entries = Files.list(Path.of("/proc", Long.toString(pid), "fd"))) {
      fds = entries.sorted((a, b) -> Integer.compare(number(a), number(b))).toList();
    } catch (IOException gone) {
      return List.of();
    }
    List<String> targets = new ArrayList<>();
    for (Path fd : fds) {
      try {
        targets.add(Files.readSymbolicLink(fd).toString());
      } catch (IOException closedMeanwhile) {
        // no longer open
      }
    }
    return targets;
  }

  static String fdTarget(long pid, int fd) {
    try {
      return Files.readSymbolicLink(Path.of("/proc", Long.toString(pid), "fd", Integer.toString(fd))).toString();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static boolean alive(long pid) {
    String state = ProcFs.state(pid);
    return state != null && !state.equals("Z");
  }

  static void signal(long pid, String signal) {
    try {
      new ProcessBuilder("kill", "-" + signal, Long.toString(pid)).inheritIO().start().waitFor();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static int number(Path fd) {
    return Integer.parseInt(fd.getFileName().toString());
  }
}
