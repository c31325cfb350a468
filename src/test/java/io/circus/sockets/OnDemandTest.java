package io.circus.sockets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.circus.arbiter.Arbiter;
import io.circus.arbiter.Await;
import io.circus.arbiter.Watcher;
import io.circus.arbiter.WatcherState;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** on_demand watchers: nothing runs until a connection comes, and that connection is served. */
@ExtendWith(VertxExtension.class)
class OnDemandTest {

  private static final String CONFIG = """
      [socket:lazy]
      host = 127.0.0.1
      port = 0

      [watcher:lazy]
      cmd = WORKER $(circus.sockets.lazy) lazy
      use_sockets = true
      on_demand = true
      """;

  @TempDir
  Path dir;

  @Test
  void theFirstConnectionStartsTheProcessesAndIsServedByThem(Vertx vertx) throws Exception {
    Arbiter arbiter = SocketFixture.started(vertx, dir, CONFIG);
    Watcher lazy = arbiter.watcher("lazy").orElseThrow();
    assertThat(lazy.snapshot().state()).isEqualTo(WatcherState.STOPPED);
    assertThat(lazy.snapshot().pids()).isEmpty();

    String answer = Http.get(SocketFixture.port(arbiter, "lazy"), "/first");

    assertThat(answer).startsWith("lazy ").endsWith(" /first");
    assertThat(lazy.snapshot().state()).isEqualTo(WatcherState.ACTIVE);
    assertThat(lazy.snapshot().pids()).containsExactly(Http.pid(answer));
  }

  @Test
  void withoutRespawnItWaitsForTheNextConnectionOnceItsProcessesAreGone(Vertx vertx) throws Exception {
    Arbiter arbiter = SocketFixture.started(vertx, dir, CONFIG + "respawn = false\n");
    Watcher lazy = arbiter.watcher("lazy").orElseThrow();
    int port = SocketFixture.port(arbiter, "lazy");
    int first = Http.pid(Http.get(port, "/"));

    SocketFixture.signal(first, "TERM");

    await().atMost(Duration.ofSeconds(30)).until(() -> lazy.snapshot().state() == WatcherState.STOPPED);
    assertThat(lazy.snapshot().pids()).isEmpty();
    int second = Http.pid(Http.get(port, "/again"));
    assertThat(second).isNotEqualTo(first);
    assertThat(lazy.snapshot().pids()).containsExactly(second);
  }

  @Test
  void aStopEndsTheWaitAndAStartWaitsAgain(Vertx vertx) throws Exception {
    Arbiter arbiter = SocketFixture.started(vertx, dir, CONFIG);
    Watcher lazy = arbiter.watcher("lazy").orElseThrow();
    Await.result(lazy.stop());
    Await.result(lazy.start());

    String answer = Http.get(SocketFixture.port(arbiter, "lazy"), "/");

    assertThat(lazy.snapshot().pids()).containsExactly(Http.pid(answer));
  }
}
