package io.circus.sockets;

import static io.circus.sockets.SocketFixture.awaitServing;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

import io.circus.arbiter.Arbiter;
import io.circus.arbiter.Watcher;
import io.circus.config.ConfigError;
import io.circus.config.ConfigException;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** Which descriptors processes get, the socket options, what listsockets shows, and bind errors. */
@ExtendWith(VertxExtension.class)
class SocketOptionsTest {

  private static final long SELF = ProcessHandle.current().pid();

  @TempDir
  Path dir;

  private static long only(Arbiter arbiter, String watcher) {
    Watcher w = arbiter.watcher(watcher).orElseThrow();
    await().atMost(Duration.ofSeconds(30)).until(() -> w.snapshot().pids().size() == 1);
    return w.snapshot().pids().get(0);
  }

  private static String target(Arbiter arbiter, String socket) {
    return SocketFixture.fdTarget(SELF, SocketFixture.socket(arbiter, socket).fd());
  }

  @Test
  void useSocketsPassesTheNamedSocketsOrAllAndStdinSocketGoesToFdZero(Vertx vertx) {
    Arbiter arbiter = SocketFixture.started(vertx, dir, """
        [socket:a]
        host = 127.0.0.1
        port = 0
        [socket:b]
        host = 127.0.0.1
        port = 0
        [watcher:all]
        cmd = sleep 3601
        use_sockets = true
        [watcher:named]
        cmd = sleep 3602 $(circus.sockets.b)
        use_sockets = true
        [watcher:none]
        cmd = sleep 3603
        [watcher:stdin]
        cmd = sleep 3604
        stdin_socket = a
        """);
    long all = only(arbiter, "all");
    long named = only(arbiter, "named");
    long none = only(arbiter, "none");
    long stdin = only(arbiter, "stdin");

    assertThat(SocketFixture.fdTargets(all)).hasSize(5).endsWith(target(arbiter, "a"), target(arbiter, "b"));
    assertThat(SocketFixture.fdTargets(named)).hasSize(4).endsWith(target(arbiter, "b"));
    assertThat(commandLine(named)).isEqualTo("sleep 3602 3");
    assertThat(SocketFixture.fdTargets(none)).hasSize(3).noneMatch(t -> t.startsWith("socket:"));
    assertThat(SocketFixture.fdTargets(stdin)).hasSize(3).startsWith(target(arbiter, "a"));
  }

  @Test
  void withSoReuseportEachProcessHasItsOwnSocketOnTheSamePort(Vertx vertx) {
    Arbiter arbiter = SocketFixture.started(vertx, dir, """
        [socket:web]
        host = 127.0.0.1
        port = 0
        so_reuseport = true
        [watcher:web]
        cmd = WORKER $(circus.sockets.web) web
        use_sockets = true
        numprocesses = 2
        """);
    Watcher web = arbiter.watcher("web").orElseThrow();
    List<Integer> pids = awaitServing(web, 2);
    int port = SocketFixture.port(arbiter, "web");

    Set<String> sockets = new HashSet<>();
    pids.forEach(pid -> sockets.add(SocketFixture.fdTarget(pid, 3)));
    sockets.add(target(arbiter, "web"));
    assertThat(sockets).as("two sockets of their own and circusd's reservation").hasSize(3);
    Set<Integer> answering = new HashSet<>();
    await().atMost(Duration.ofSeconds(60)).until(() -> {
      Http.concurrently(port, "/slow?ms=200", 4).forEach(body -> answering.add(Http.pid(body)));
      return answering.size() == 2;
    });
    assertThat(answering).containsExactlyInAnyOrderElementsOf(pids);
  }

  @Test
  void aUnixSocketFileHasTheModeItsUmaskGivesAndServes(Vertx vertx) throws IOException {
    Path file = dir.resolve("web.sock");
    Arbiter arbiter = SocketFixture.started(vertx, dir, """
        [socket:web]
        path = %s
        umask = 077
        [watcher:web]
        cmd = WORKER $(circus.sockets.web) web
        use_sockets = true
        """.formatted(file));
    awaitServing(arbiter.watcher("web").orElseThrow(), 1);

    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rwx------");
    assertThat(Http.get(file, "/unix")).startsWith("web ").endsWith(" /unix");
  }

  @Test
  void listsocketsInfoHasFdNameBacklogAndTheBoundAddress(Vertx vertx) {
    Path file = dir.resolve("admin.sock");
    Arbiter arbiter = SocketFixture.started(vertx, dir, """
        [socket:web]
        host = 127.0.0.1
        port = 0
        backlog = 64
        [socket:admin]
        path = %s
        """.formatted(file));

    List<JsonObject> info = arbiter.sockets().stream().map(CircusSocket::info).toList();

    assertThat(info).extracting(i -> i.getInteger("fd")).isSorted();
    JsonObject web = info.stream().filter(i -> i.getString("name").equals("web")).findFirst().orElseThrow();
    assertThat(web.fieldNames()).containsExactly("fd", "name", "backlog", "host", "port");
    assertThat(web.getString("host")).isEqualTo("127.0.0.1");
    assertThat(web.getInteger("port")).isPositive();
    assertThat(web.getInteger("backlog")).isEqualTo(64);
    JsonObject admin = info.stream().filter(i -> i.getString("name").equals("admin")).findFirst().orElseThrow();
    assertThat(admin.fieldNames()).containsExactly("fd", "name", "backlog", "path");
    assertThat(admin.getString("path")).isEqualTo(file.toString());
  }

  @Test
  void aPortInUseAndAnExistingPathAreConfigErrorsAndNothingStays(Vertx vertx) throws IOException {
    Path existing = Files.writeString(dir.resolve("taken.sock"), "");
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      Throwable failure = SocketFixture.deploy(vertx, dir, """
          [socket:fine]
          host = 127.0.0.1
          port = 0
          [socket:web]
          host = 127.0.0.1
          port = %d
          [socket:file]
          path = %s
          [watcher:web]
          cmd = sleep 3605
          use_sockets = true
          """.formatted(taken.getLocalPort(), existing)).toCompletionStage().handle((ok, error) -> error)
          .toCompletableFuture().join();

      assertThat(failure).isInstanceOf(ConfigException.class);
      assertThat(((ConfigException) failure).errors()).extracting(ConfigError::section, ConfigError::option)
          .containsExactly(tuple("socket:file", "path"), tuple("socket:web", "port"));
      assertThat(failure.getMessage()).contains("Address already in use", "already exists", "circus.ini");
    }
    assertThat(existing).exists();
  }

  private static String commandLine(long pid) {
    try {
      return Files.readString(Path.of("/proc", Long.toString(pid), "cmdline")).replace('\0', ' ').strip();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
