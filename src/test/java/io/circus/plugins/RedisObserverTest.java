package io.circus.plugins;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import java.io.IOException;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** The redis_observer plugin against a real redis-server (Debian's), started and stopped here. */
@ExtendWith(VertxExtension.class)
class RedisObserverTest {

  private static final Duration WAIT = Duration.ofSeconds(20);

  @TempDir
  Path dir;

  private Process redis;

  @AfterEach
  void stopRedis() throws InterruptedException {
    if (redis != null && redis.isAlive()) {
      redis.destroy();
      redis.waitFor(10, TimeUnit.SECONDS);
    }
  }

  private int startRedis() throws IOException {
    int port;
    try (java.net.ServerSocket probe = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      port = probe.getLocalPort();
    }
    redis = new ProcessBuilder("redis-server", "--port", Integer.toString(port), "--bind", "127.0.0.1", "--save", "",
        "--appendonly", "no", "--dir", dir.toString()).redirectErrorStream(true)
        .redirectOutput(dir.resolve("redis.log").toFile()).start();
    await().atMost(WAIT).until(() -> {
      try (Socket ignored = new Socket("127.0.0.1", port)) {
        return true;
      } catch (IOException notYet) {
        return false;
      }
    });
    return port;
  }

  @Test
  void reportsRedisFiguresAndRestartsItsWatcherWhenRedisIsGone(Vertx vertx) throws Exception {
    int port = startRedis();
    UdpListener statsd = new UdpListener(vertx);
    PluginHarness circus = new PluginHarness(vertx, dir, """
        [watcher:cache_user]
        cmd = sleep 3600

        [plugin:redis]
        use = circus.plugins.redis_observer.RedisObserver
        redis_url = redis://127.0.0.1:%d/0
        timeout = 1
        loop_rate = 0.2
        restart_on_timeout = cache_user
        host = 127.0.0.1
        port = %d
        """.formatted(port, statsd.port())).started();

    await().atMost(WAIT).until(() -> statsd.hasPrefix("circus.redis_observer.watcher.redis_stats.connected_clients:"));
    assertThat(statsd.received).anyMatch(d -> d.matches("circus\\.redis_observer\\.watcher\\.redis_stats\\.used_memory:[1-9][0-9]*\\|g"));
    assertThat(statsd.received).anyMatch(d -> d.startsWith("circus.redis_observer.watcher.redis_stats.uptime_in_seconds:"));
    assertThat(circus.count("cache_user", "stop")).isZero();

    redis.destroy();
    redis.waitFor(10, TimeUnit.SECONDS);

    await().atMost(WAIT).until(() -> statsd.has("circus.redis_observer.watcher.redis_stats.error:1|c")
        && circus.count("cache_user", "stop") >= 1);
    assertThat(statsd.received).contains("circus.redis_observer.watcher.redis_stats.restart_on_error:1|c");
    circus.stop();
  }
}
