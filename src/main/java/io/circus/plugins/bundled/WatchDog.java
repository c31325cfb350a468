package io.circus.plugins.bundled;

import io.circus.plugins.CircusPlugin;
import io.circus.plugins.PluginOptions;
import io.vertx.core.Future;
import io.vertx.core.datagram.DatagramPacket;
import io.vertx.core.datagram.DatagramSocket;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Kills processes that stop sending heartbeats (Circus's {@code circus.plugins.watchdog.WatchDog}).
 * It listens for UDP datagrams on {@code ip}:{@code port} (127.0.0.1:1664); each is a line that
 * {@code msg_regex} decodes (default {@code ^(?P<pid>.*);(?P<timestamp>.*)$}: "pid;timestamp"),
 * and must at least give the sender's pid. Every {@code loop_rate} seconds (60), each process of
 * the watchers whose name matches {@code watchers_regex} (all) that sent nothing for
 * {@code loop_rate} x {@code max_count} (3) seconds is killed with the {@code kill} command,
 * with {@code watchers_stop_signal} and {@code watchers_graceful_timeout} when set; its watcher
 * then replaces it. Python's {@code (?P<name>...)} groups are accepted in the regexes.
 */
public final class WatchDog extends CircusPlugin {

  private static final Logger log = LoggerFactory.getLogger(WatchDog.class);

  private double loopRate;
  private Pattern watchers;
  private Pattern message;
  private int maxCount;
  private String ip;
  private int port;
  private Integer stopSignal;
  private Double gracefulTimeout;
  private DatagramSocket socket;
  private boolean discovered;
  /** Last heartbeat (epoch ms) of each watched pid, and its watcher. */
  private final Map<Integer, Watched> watched = new HashMap<>();

  private record Watched(String watcher, long lastSeen) {
  }

  @Override
  protected void configure(PluginOptions options) {
    loopRate = options.seconds("loop_rate", 60);
    watchers = python(options, "watchers_regex", ".*");
    message = python(options, "msg_regex", "^(?P<pid>.*);(?P<timestamp>.*)$");
    maxCount = options.integer("max_count", 3, 1);
    ip = options.string("ip", "127.0.0.1");
    port = options.integer("port", 1664, 0);
    stopSignal = options.has("watchers_stop_signal") ? options.signal("watchers_stop_signal", 15) : null;
    gracefulTimeout = options.has("watchers_graceful_timeout") ? options.number("watchers_graceful_timeout", 0) : null;
  }

  private static Pattern python(PluginOptions options, String key, String fallback) {
    String regex = options.string(key, fallback).replace("(?P<", "(?<");
    return new PluginOptions(Map.of(key, regex)).regex(key, regex);
  }

  @Override
  protected boolean runsOnEventLoop() {
    return true;
  }

  @Override
  protected Future<?> handleInit() {
    socket = vertx.createDatagramSocket();
    socket.handler(this::heartbeat);
    return socket.listen(port, ip).onSuccess(s -> {
      log.info("watchdog listening for heartbeats on UDP {}:{}", ip, s.localAddress().port());
      every(Duration.ofMillis(Math.round(loopRate * 1000)), this::lookAfter);
    });
  }

  @Override
  protected Future<?> handleStop() {
    return socket == null ? Future.succeededFuture() : socket.close();
  }

  @Override
  protected void handleRecv(String topic, JsonObject data) {
    String[] parts = splitTopic(topic);
    if (!watchers.matcher(parts[0]).lookingAt() || !(data.getValue("process_pid") instanceof Number pid)) {
      return;
    }
    switch (parts[1]) {
      case "spawn" -> watched.put(pid.intValue(), new Watched(parts[0], System.currentTimeMillis()));
      case "reap" -> watched.remove(pid.intValue());
      default -> { }
    }
  }

  private void heartbeat(DatagramPacket packet) {
    String text = packet.data().toString(StandardCharsets.UTF_8).strip();
    Matcher matcher = message.matcher(text);
    Integer pid = null;
    if (matcher.lookingAt()) {
      try {
        pid = Integer.valueOf(matcher.group("pid").strip());
      } catch (IllegalArgumentException noPid) {
        pid = null;
      }
    }
    if (pid == null) {
      log.warn("watchdog: a heartbeat without a pid msg_regex can read: {}", text);
    } else if (watched.containsKey(pid)) {
      watched.put(pid, new Watched(watched.get(pid).watcher(), System.currentTimeMillis()));
    } else {
      log.warn("watchdog: a heartbeat from pid {}, which no watched watcher runs", pid);
    }
  }

  private void lookAfter() {
    if (!discovered) {
      discovered = true;
      discover();
      return;
    }
    long tooOld = System.currentTimeMillis() - Math.round(loopRate * maxCount * 1000);
    List<Integer> silent = new ArrayList<>();
    watched.forEach((pid, w) -> {
      if (w.lastSeen() < tooOld) silent.add(pid);
    });
    for (int pid : silent) {
      Watched w = watched.remove(pid);
      log.info("watchdog: watcher {}, process {} sent no heartbeat for {} s: killing it", w.watcher(), pid,
          (System.currentTimeMillis() - w.lastSeen()) / 1000);
      JsonObject kill = new JsonObject().put("name", w.watcher()).put("pid", pid);
      if (stopSignal != null) kill.put("signum", stopSignal);
      if (gracefulTimeout != null) kill.put("graceful_timeout", gracefulTimeout);
      cast("kill", kill);
    }
  }

  /** At start the plugin knows no process: those already running count from now. */
  private void discover() {
    call("list", new JsonObject()).onSuccess(reply -> {
      for (Object name : reply.getJsonArray("watchers", new JsonArray())) {
        if (watchers.matcher(String.valueOf(name)).lookingAt()) {
          call("list", new JsonObject().put("name", name)).onSuccess(pids -> {
            for (Object pid : pids.getJsonArray("pids", new JsonArray())) {
              watched.putIfAbsent(((Number) pid).intValue(), new Watched(String.valueOf(name), System.currentTimeMillis()));
            }
          });
        }
      }
    });
  }
}
