package io.circus.plugins;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.circus.arbiter.Await;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** Each bundled plugin in circusd, against a real counterpart: a UDP statsd, an HTTP server, files. */
@ExtendWith(VertxExtension.class)
class BundledPluginsTest {

  private static final Duration WAIT = Duration.ofSeconds(20);

  @TempDir
  Path dir;

  @Test
  void statsdEmitterCountsEveryEvent(Vertx vertx) {
    UdpListener statsd = new UdpListener(vertx);
    PluginHarness circus = new PluginHarness(vertx, dir, """
        [watcher:web]
        cmd = sleep 3600
        numprocesses = 2

        [plugin:statsd]
        use = circus.plugins.statsd.StatsdEmitter
        host = 127.0.0.1
        port = %d
        application_name = shop
        """.formatted(statsd.port())).started();

    await().atMost(WAIT).until(() -> statsd.has("circus.shop.watcher.web.start:1|c"));
    assertThat(statsd.received.stream().filter(d -> d.equals("circus.shop.watcher.web.spawn:1|c"))).hasSize(2);
    circus.call("incr", new JsonObject().put("name", "web").put("waiting", true));
    await().atMost(WAIT).until(() -> statsd.received.stream().filter(d -> d.equals("circus.shop.watcher.web.spawn:1|c")).count() == 3);
    circus.stop();
  }

  @Test
  void fullStatsSendsGaugesOfEachWatcher(Vertx vertx) {
    UdpListener statsd = new UdpListener(vertx);
    PluginHarness circus = new PluginHarness(vertx, dir, """
        [watcher:web]
        cmd = sleep 3600
        numprocesses = 2

        [plugin:stats]
        use = circus.plugins.statsd.FullStats
        host = 127.0.0.1
        port = %d
        loop_rate = 0.2
        """.formatted(statsd.port())).started();

    await().atMost(WAIT).until(() -> statsd.has("circus.app.watcher._stats.web.watchers_num:2|g")
        && statsd.hasPrefix("circus.app.watcher._stats.web.mem_sum:"));
    assertThat(statsd.received).anyMatch(d -> d.matches("circus\\.app\\.watcher\\._stats\\.web\\.cpu_max:[0-9.]+\\|g"));
    assertThat(statsd.received).anyMatch(d -> d.matches("circus\\.app\\.watcher\\._stats\\.web\\.mem_max:[1-9][0-9]*\\|g"));
    assertThat(statsd.received).noneMatch(d -> d.contains("plugin:"));
    circus.stop();
  }

  @Test
  void resourceWatcherRestartsAWatcherOverItsMemoryLimit(Vertx vertx) {
    UdpListener statsd = new UdpListener(vertx);
    PluginHarness circus = new PluginHarness(vertx, dir, """
        [watcher:hog]
        cmd = sleep 3600

        [watcher:calm]
        cmd = sleep 3600

        [plugin:resources]
        use = circus.plugins.resource_watcher.ResourceWatcher
        watcher = hog
        max_mem = 1K
        max_count = 1
        loop_rate = 0.2
        host = 127.0.0.1
        port = %d
        """.formatted(statsd.port())).started();

    await().atMost(WAIT).until(() -> circus.count("hog", "stop") >= 1 && circus.count("hog", "start") >= 2);
    assertThat(statsd.received).contains("circus.app.watcher._resource_watcher.hog.over_memory:1|c",
        "circus.app.watcher._resource_watcher.hog.restarting:1|c");
    assertThat(circus.count("calm", "stop")).isZero();
    circus.stop();
  }

  @Test
  void watchDogKillsProcessesThatStopSendingHeartbeats(Vertx vertx) {
    int port = UdpListener.freePort();
    PluginHarness circus = new PluginHarness(vertx, dir, """
        [watcher:silent]
        cmd = sleep 3600

        [watcher:beating]
        cmd = python3 -c "import os, socket, time; s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)\\n\
        while True: s.sendto(('%%d;%%f' %% (os.getpid(), time.time())).encode(), ('127.0.0.1', %d)); time.sleep(0.1)"

        [watcher:other]
        cmd = sleep 3600

        [plugin:watchdog]
        use = circus.plugins.watchdog.WatchDog
        port = %d
        loop_rate = 0.3
        max_count = 2
        watchers_regex = ^(silent|beating)$
        watchers_stop_signal = KILL
        """.formatted(port, port)).started();
    int silentPid = circus.call("list", new JsonObject().put("name", "silent")).getJsonArray("pids").getInteger(0);

    await().atMost(WAIT).until(() -> circus.eventsOf("silent", "kill").stream()
        .anyMatch(e -> e.getJsonObject("data").getInteger("process_pid") == silentPid));
    await().atMost(WAIT).until(() -> circus.count("silent", "spawn") >= 2); // its watcher replaced it
    assertThat(circus.count("beating", "kill")).isZero();
    assertThat(circus.count("other", "kill")).isZero();
    circus.stop();
  }

  @Test
  void httpObserverTimesAnswersAndRestartsOnErrors(Vertx vertx) {
    UdpListener statsd = new UdpListener(vertx);
    AtomicInteger status = new AtomicInteger(200);
    HttpServer server = Await.result(vertx.createHttpServer()
        .requestHandler(request -> request.response().setStatusCode(status.get()).end("hello"))
        .listen(0, "127.0.0.1"));
    PluginHarness circus = new PluginHarness(vertx, dir, """
        [watcher:web]
        cmd = sleep 3600

        [plugin:http]
        use = circus.plugins.http_observer.HttpObserver
        check_url = http://127.0.0.1:%d/health
        timeout = 2
        loop_rate = 0.2
        restart_on_error = web
        host = 127.0.0.1
        port = %d
        """.formatted(server.actualPort(), statsd.port())).started();

    await().atMost(WAIT).until(() -> statsd.hasPrefix("circus.http_observer.watcher.http_stats.request_time:"));
    assertThat(circus.count("web", "stop")).isZero();
    status.set(503);
    await().atMost(WAIT).until(() -> statsd.has("circus.http_observer.watcher.http_stats.error.503:1|c")
        && circus.count("web", "stop") >= 1);
    assertThat(statsd.received).contains("circus.http_observer.watcher.http_stats.restart_on_error:1|c");
    Await.result(server.close());
    await().atMost(WAIT).until(() -> statsd.has("circus.http_observer.watcher.http_stats.error.599:1|c"));
    circus.stop();
  }

  @Test
  void commandReloaderRestartsAWatcherWhoseProgramChanged(Vertx vertx) throws IOException {
    Path program = dir.resolve("worker.sh");
    Files.writeString(program, "#!/bin/sh\nexec sleep 3600\n");
    Files.setPosixFilePermissions(program, PosixFilePermissions.fromString("rwxr-xr-x"));
    PluginHarness circus = new PluginHarness(vertx, dir, """
        [watcher:worker]
        cmd = %s

        [watcher:plain]
        cmd = sleep 3600

        [plugin:reloader]
        use = circus.plugins.command_reloader.CommandReloader
        loop_rate = 0.2
        """.formatted(program)).started();
    AtomicInteger touches = new AtomicInteger();

    // Modified again and again (a minute later each time) until a look sees it changed: the
    // first look only learns the modification time.
    await().atMost(WAIT).pollInterval(Duration.ofMillis(300)).until(() -> {
      Files.setLastModifiedTime(program, FileTime.from(Instant.now().plusSeconds(60L * touches.incrementAndGet())));
      return circus.count("worker", "stop") >= 1;
    });

    await().atMost(WAIT).until(() -> circus.count("worker", "start") >= 2);
    assertThat(circus.count("plain", "stop")).isZero();
    circus.stop();
  }
}
