package io.circus.sockets;

import static io.circus.sockets.SocketFixture.awaitServing;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.circus.arbiter.Arbiter;
import io.circus.arbiter.Await;
import io.circus.arbiter.Watcher;
import io.circus.config.CircusConfig;
import io.circus.config.ConfigLoader;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** reloadconfig and the whole-arbiter restart with sockets that change, go, come or stay. */
@ExtendWith(VertxExtension.class)
class SocketReloadTest {

  @TempDir
  Path dir;

  private static String config(int webPort) {
    return """
        [socket:web]
        host = 127.0.0.1
        port = %d
        [socket:admin]
        host = 127.0.0.1
        port = 0
        [watcher:web]
        cmd = WORKER $(circus.sockets.web) web
        use_sockets = true
        [watcher:admin]
        cmd = WORKER $(circus.sockets.admin) admin
        use_sockets = true
        """.formatted(webPort);
  }

  private CircusConfig load(String ini) throws IOException {
    Path file = Files.writeString(dir.resolve("next.ini"), ini.replace("WORKER", SocketFixture.WORKER));
    return ConfigLoader.load(file, System.getenv());
  }

  private static int freePort() throws IOException {
    try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return probe.getLocalPort();
    }
  }

  @Test
  void aChangedSocketIsBoundAgainAndItsWatcherRestartsWhileTheOthersStay(Vertx vertx) throws Exception {
    int oldPort = freePort();
    Arbiter arbiter = SocketFixture.started(vertx, dir, config(oldPort));
    Watcher web = arbiter.watcher("web").orElseThrow();
    Watcher admin = arbiter.watcher("admin").orElseThrow();
    List<Integer> webBefore = awaitServing(web, 1);
    List<Integer> adminBefore = awaitServing(admin, 1);
    CircusSocket adminSocket = SocketFixture.socket(arbiter, "admin");
    int newPort = freePort();

    Await.result(arbiter.applyConfig(load(config(newPort))));

    assertThat(SocketFixture.port(arbiter, "web")).isEqualTo(newPort);
    assertThat(Http.get(newPort, "/")).startsWith("web ");
    assertThat(web.snapshot().pids()).doesNotContainAnyElementsOf(webBefore);
    assertThatThrownBy(() -> Http.get(oldPort, "/")).isInstanceOf(ConnectException.class);
    assertThat(SocketFixture.socket(arbiter, "admin")).isSameAs(adminSocket);
    assertThat(admin.snapshot().pids()).isEqualTo(adminBefore);
  }

  @Test
  void aNewSocketIsBoundForItsNewWatcherAndARemovedOneIsClosed(Vertx vertx) throws Exception {
    Arbiter arbiter = SocketFixture.started(vertx, dir, config(0));
    int adminPort = SocketFixture.port(arbiter, "admin");
    String next = config(0).replace("[socket:admin]", "[socket:extra]").replace("sockets.admin", "sockets.extra");

    Await.result(arbiter.applyConfig(load(next)));

    assertThat(arbiter.sockets()).extracting(CircusSocket::name).containsExactlyInAnyOrder("web", "extra");
    assertThat(Http.get(SocketFixture.port(arbiter, "extra"), "/")).startsWith("admin ");
    assertThatThrownBy(() -> Http.get(adminPort, "/")).isInstanceOf(ConnectException.class);
  }

  @Test
  void aSocketThatCannotBeBoundFailsTheReloadButTheRestIsApplied(Vertx vertx) throws Exception {
    Arbiter arbiter = SocketFixture.started(vertx, dir, config(0));
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      String next = config(0) + "[socket:more]\nhost = 127.0.0.1\nport = " + taken.getLocalPort()
          + "\n[watcher:other]\ncmd = sleep 3606\n";

      Throwable failure = arbiter.applyConfig(load(next)).toCompletionStage().handle((ok, error) -> error)
          .toCompletableFuture().join();

      assertThat(failure).hasMessageContaining("[socket:more] port").hasMessageContaining("Address already in use");
      assertThat(arbiter.watcher("other")).isPresent();
      assertThat(arbiter.sockets()).extracting(CircusSocket::name).containsExactlyInAnyOrder("web", "admin");
    }
  }

  @Test
  void aWholeArbiterRestartKeepsTheSocketsThatDidNotChange(Vertx vertx) throws Exception {
    Arbiter arbiter = SocketFixture.started(vertx, dir, config(0));
    CircusSocket web = SocketFixture.socket(arbiter, "web");

    Await.result(arbiter.restart(load(config(0).replace("[socket:admin]\nhost", "[socket:admin]\nbacklog = 7\nhost"))));

    assertThat(SocketFixture.socket(arbiter, "web")).isSameAs(web);
    assertThat(SocketFixture.socket(arbiter, "admin").info().getInteger("backlog")).isEqualTo(7);
    awaitServing(arbiter.watcher("web").orElseThrow(), 1);
    assertThat(Http.get(SocketFixture.port(arbiter, "web"), "/")).startsWith("web ");
  }
}
