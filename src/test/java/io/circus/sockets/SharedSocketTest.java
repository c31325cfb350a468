package io.circus.sockets;

import static io.circus.sockets.SocketFixture.awaitServing;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.circus.arbiter.Arbiter;
import io.circus.arbiter.Await;
import io.circus.arbiter.BusEventPublisher;
import io.circus.arbiter.Watcher;
import io.circus.testing.ProcFs;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Four real HTTP workers (examples/http_worker.py) on one socket circusd owns: they all serve it,
 * and neither a worker killed with SIGKILL nor a reload or restart makes a single request fail.
 */
@ExtendWith(VertxExtension.class)
class SharedSocketTest {

  private static final String CONFIG = """
      [socket:web]
      host = 127.0.0.1
      port = 0

      [watcher:web]
      cmd = WORKER $(circus.sockets.web) web
      use_sockets = true
      numprocesses = 4
      graceful_timeout = 20
      """;

  @TempDir
  Path dir;
  private Arbiter arbiter;
  private Watcher web;
  private int port;

  @BeforeEach
  void start(Vertx vertx) {
    arbiter = SocketFixture.started(vertx, dir, CONFIG);
    web = arbiter.watcher("web").orElseThrow();
    port = SocketFixture.port(arbiter, "web");
    awaitServing(web, 4);
  }

  @Test
  void fourWorkersShareTheSocketAndAllAnswer() {
    Set<Integer> answering = new HashSet<>();
    // Four slow requests at once: a worker serves one at a time, so each goes to another worker.
    await().atMost(Duration.ofSeconds(60)).until(() -> {
      Http.concurrently(port, "/slow?ms=300", 4).forEach(body -> answering.add(Http.pid(body)));
      return answering.size() == 4;
    });
    assertThat(answering).containsExactlyInAnyOrderElementsOf(web.snapshot().pids());
  }

  @Test
  void aWorkerKilledWithSigkillUnderLoadLosesNoRequest() throws Exception {
    int victim = web.snapshot().pids().get(0);
    try (HttpLoad load = new HttpLoad(port, 3)) {
      load.awaitMoreAnswers(50);
      stopWhileIdle(victim);

      SocketFixture.signal(victim, "KILL");

      await().atMost(Duration.ofSeconds(30)).until(() -> !web.snapshot().pids().contains(victim));
      awaitServing(web, 4);
      load.awaitMoreAnswers(100);
      assertThat(load.failures()).isEmpty();
    }
  }

  @Test
  void reloadsAndRestartsUnderLoadLoseNoRequest() throws Exception {
    List<Integer> first = web.snapshot().pids();
    try (HttpLoad load = new HttpLoad(port, 3)) {
      load.awaitMoreAnswers(50);
      for (int i = 0; i < 3; i++) {
        Await.result(web.reload(true, false));
        load.awaitMoreAnswers(30);
      }
      Await.result(web.restart());
      load.awaitMoreAnswers(30);
      Await.result(web.reload(false, false));
      load.awaitMoreAnswers(30);

      assertThat(load.failures()).isEmpty();
    }
    assertThat(web.snapshot().pids()).hasSize(4).doesNotContainAnyElementsOf(first);
  }

  @Test
  void aRestartStartsTheNewProcessesBeforeSignallingTheOldOnes(Vertx vertx) {
    List<String> topics = new CopyOnWriteArrayList<>();
    Await.result(vertx.eventBus().<JsonObject>consumer(BusEventPublisher.ADDRESS, m -> topics.add(m.body().getString("topic")))
        .completion());

    Await.result(web.restart());

    await().atMost(Duration.ofSeconds(10)).until(() -> lifecycle(topics).size() == 8);
    assertThat(lifecycle(topics)).containsExactly("watcher.web.spawn", "watcher.web.spawn", "watcher.web.spawn",
        "watcher.web.spawn", "watcher.web.kill", "watcher.web.kill", "watcher.web.kill", "watcher.web.kill");
    assertThat(topics).doesNotContain("watcher.web.stop");
  }

  private static List<String> lifecycle(List<String> topics) {
    return topics.stream().filter(t -> t.endsWith(".spawn") || t.endsWith(".kill")).toList();
  }

  @Test
  void theSocketStaysOpenAcrossRestartsOfItsWatcher() {
    CircusSocket before = SocketFixture.socket(arbiter, "web");
    String socket = SocketFixture.fdTarget(ProcessHandle.current().pid(), before.fd());

    Await.result(web.stop());
    assertThat(SocketFixture.fdTarget(ProcessHandle.current().pid(), before.fd())).isEqualTo(socket);
    Await.result(web.start());
    awaitServing(web, 4);

    assertThat(SocketFixture.socket(arbiter, "web").fd()).isEqualTo(before.fd());
    assertThat(Http.pid(get("/"))).isIn(web.snapshot().pids());
  }

  /**
   * Stops the worker (SIGSTOP) at a moment it holds no connection: a worker killed in the middle of
   * a request loses that request whatever circusd does, while one that holds none loses nothing,
   * since the connections waiting in the shared socket stay there for the others.
   */
  private static void stopWhileIdle(int pid) {
    await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(10)).until(() -> {
      SocketFixture.signal(pid, "STOP");
      await().atMost(Duration.ofSeconds(10)).until(() -> "T".equals(ProcFs.state(pid)));
      long sockets = SocketFixture.fdTargets(pid).stream().filter(t -> t.startsWith("socket:")).count();
      if (sockets == 1) {
        return true; // only the listening socket
      }
      SocketFixture.signal(pid, "CONT");
      return false;
    });
  }

  private String get(String path) {
    try {
      return Http.get(port, path);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
