package io.circus.plugins.bundled;

import io.circus.plugins.PluginOptions;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.core.net.NetClientOptions;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.RedisOptions;
import io.vertx.redis.client.Request;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Watches a Redis server every {@code loop_rate} seconds (Circus's
 * {@code circus.plugins.redis_observer.RedisObserver}): {@code INFO} on {@code redis_url}
 * (redis://localhost:6379/0) within {@code timeout} seconds (5). Its figures go to statsd as
 * gauges {@code redis_stats.KEY} (the keys Circus reports, those the server has); no answer
 * counts {@code redis_stats.error} and, with {@code restart_on_timeout = WATCHER}, restarts that
 * watcher.
 */
public final class RedisObserver extends StatsdObserver {

  /** The INFO fields Circus reports. */
  static final List<String> OBSERVE = List.of("pubsub_channels", "connected_slaves", "lru_clock", "connected_clients",
      "keyspace_misses", "used_memory", "used_memory_peak", "total_commands_processed", "used_memory_rss",
      "total_connections_received", "pubsub_patterns", "used_cpu_sys", "used_cpu_sys_children", "blocked_clients",
      "used_cpu_user", "client_biggest_input_buf", "mem_fragmentation_ratio", "expired_keys", "evicted_keys",
      "client_longest_output_list", "uptime_in_seconds", "keyspace_hits");

  private String url;
  private double timeout;
  private String restartOnTimeout;
  private Redis redis;

  @Override
  protected void configure(PluginOptions options) {
    super.configure(options);
    url = options.string("redis_url", "redis://localhost:6379/0");
    timeout = options.seconds("timeout", 5);
    restartOnTimeout = options.optional("restart_on_timeout").filter(s -> !s.isBlank()).orElse(null);
  }

  @Override
  protected String defaultApplicationName() {
    return "redis_observer";
  }

  @Override
  protected Future<?> handleInit() {
    int millis = (int) Math.min(Integer.MAX_VALUE, Math.round(timeout * 1000));
    redis = Redis.createClient(vertx, new RedisOptions().setConnectionString(url)
        .setNetClientOptions(new NetClientOptions().setConnectTimeout(millis)));
    return super.handleInit();
  }

  @Override
  protected Future<?> handleStop() {
    return super.handleStop().eventually(() -> redis.close());
  }

  @Override
  protected void lookAfter() {
    redis.send(Request.cmd(Command.INFO))
        .timeout(Math.round(timeout * 1000), TimeUnit.MILLISECONDS)
        .onSuccess(info -> report(info.toString()))
        .onFailure(e -> unreachable());
  }

  private void report(String info) {
    for (String line : info.split("\r?\n")) {
      int colon = line.indexOf(':');
      if (colon > 0 && OBSERVE.contains(line.substring(0, colon))) {
        try {
          statsd().gauge("redis_stats." + line.substring(0, colon), Double.parseDouble(line.substring(colon + 1).strip()));
        } catch (NumberFormatException notANumber) {
          // a field this server writes differently: not reported
        }
      }
    }
  }

  private void unreachable() {
    statsd().increment("redis_stats.error");
    if (restartOnTimeout != null) {
      cast("restart", new JsonObject().put("name", restartOnTimeout));
      statsd().increment("redis_stats.restart_on_error");
    }
  }
}
