package io.circus.plugins.bundled;

import io.circus.plugins.CircusPlugin;
import io.circus.plugins.PluginOptionException;
import io.circus.plugins.PluginOptions;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stops a watcher whose processes keep dying (Circus's {@code circus.plugins.flapping.Flapping}):
 * when {@code attempts} unexpected exits happen within {@code window} seconds, the watcher is
 * stopped and started again {@code retry_in} seconds later; after {@code max_retry} such retries
 * (-1: no limit) it stays stopped. Each option can be set per watcher with a
 * {@code flapping.<option>} key in its section ({@code flapping.active = false} turns it off).
 *
 * <p>With {@code backoff = true}, instead, it never gives up: the delay before each restart
 * doubles from {@code retry_in} up to {@code backoff_max} (300 s), and goes back to
 * {@code retry_in} once the watcher runs without flapping. Its view of each watcher (waiting to
 * restart, attempt number, when) is shown by {@code status}.
 *
 * <p>Unlike Circus's plugin, whose stop requests 0.19's daemon-wide lock refuses, the stop and
 * start here work. Other differences: exits are seen as they happen, so {@code window} is the
 * real time between the first and the last exit (Circus subtracts its 5 s check delay); and the
 * exits of processes circusd stopped itself (a {@code kill} event came first: a stop, restart,
 * decr or reload) are not counted, so restarting a watcher of several processes is not taken
 * for flapping.
 */
public final class Flapping extends CircusPlugin {

  private static final Logger log = LoggerFactory.getLogger(Flapping.class);

  private FlappingRules defaults;
  private final Map<String, Tracked> watchers = new HashMap<>();

  /** What the plugin knows of one watcher; only touched on the plugin's event loop. */
  private static final class Tracked {
    final String name;
    final Deque<Double> exits = new ArrayDeque<>();
    final Set<Integer> killed = new HashSet<>();
    Future<FlappingRules> rules;
    int tries;
    long retryTimer = -1;
    boolean gaveUp;

    Tracked(String name) {
      this.name = name;
    }
  }

  @Override
  protected void configure(PluginOptions options) {
    defaults = FlappingRules.read(options);
  }

  @Override
  protected boolean runsOnEventLoop() {
    return true;
  }

  @Override
  protected void handleRecv(String topic, JsonObject data) {
    String[] parts = splitTopic(topic);
    Tracked watcher = watchers.computeIfAbsent(parts[0], Tracked::new);
    switch (parts[1]) {
      case "kill" -> watcher.killed.add(data.getInteger("process_pid", 0));
      case "reap" -> exited(watcher, data);
      case "updated" -> watcher.rules = null; // its flapping.* options may have changed
      case "stop" -> watcher.killed.clear();
      case "start" -> {
        if (watcher.gaveUp) { // started again by someone: a fresh count
          watcher.gaveUp = false;
          watcher.tries = 0;
          annotate(watcher.name, null);
        }
      }
      case "remove" -> forget(watcher);
      default -> { }
    }
  }

  @Override
  protected Future<?> handleStop() {
    for (Tracked watcher : watchers.values()) {
      if (watcher.retryTimer >= 0) {
        vertx.cancelTimer(watcher.retryTimer);
        log.warn("{}: flapping plugin stopping, the pending restart of this watcher is cancelled", watcher.name);
      }
      if (watcher.tries > 0 || watcher.gaveUp) {
        annotate(watcher.name, null);
      }
    }
    return Future.succeededFuture();
  }

  private void exited(Tracked watcher, JsonObject data) {
    if (watcher.killed.remove(data.getInteger("process_pid", 0)) || watcher.retryTimer >= 0 || watcher.gaveUp) {
      return; // stopped by circusd, or the watcher is already being dealt with
    }
    watcher.exits.addLast(data.getDouble("time", System.currentTimeMillis() / 1000.0));
    rules(watcher).onSuccess(rules -> check(watcher, rules));
  }

  private Future<FlappingRules> rules(Tracked watcher) {
    if (watcher.rules == null) {
      Future<FlappingRules> loading = call("options", new JsonObject().put("name", watcher.name)).map(reply -> {
        try {
          return defaults.overriddenBy(reply.getJsonObject("options", new JsonObject()).getMap());
        } catch (PluginOptionException e) {
          log.warn("{}: bad flapping option {}; the plugin's own settings apply", watcher.name, e.getMessage());
          return defaults;
        }
      });
      watcher.rules = loading;
      loading.onFailure(e -> {
        if (watcher.rules == loading) watcher.rules = null;
      });
    }
    return watcher.rules;
  }

  private void check(Tracked watcher, FlappingRules rules) {
    if (!rules.active() || watcher.retryTimer >= 0 || watcher.gaveUp) {
      watcher.exits.clear();
      return;
    }
    if (watcher.exits.size() < rules.attempts()) {
      return;
    }
    while (watcher.exits.size() > rules.attempts()) {
      watcher.exits.removeFirst();
    }
    double span = watcher.exits.getLast() - watcher.exits.getFirst();
    watcher.exits.clear();
    if (span > rules.window()) {
      if (watcher.tries > 0) {
        watcher.tries = 0;
        annotate(watcher.name, null);
      }
      return;
    }
    watcher.tries++;
    cast("stop", new JsonObject().put("name", watcher.name));
    if (rules.retries(watcher.tries)) {
      scheduleRestart(watcher, rules.delayBeforeRetry(watcher.tries), rules.backoff());
    } else {
      log.warn("{}: flapping detected: reached the max retry limit ({}), the watcher stays stopped", watcher.name,
          rules.maxRetry());
      watcher.gaveUp = true;
      annotate(watcher.name, note("stopped", watcher.tries, "flapping: stopped for good after " + watcher.tries + " attempts"));
    }
  }

  private void scheduleRestart(Tracked watcher, double delaySeconds, boolean backoff) {
    log.info("{}: flapping detected: retry in {} s (attempt number {})", watcher.name, delaySeconds, watcher.tries);
    double restartAt = System.currentTimeMillis() / 1000.0 + delaySeconds;
    annotate(watcher.name, note(backoff ? "backoff" : "waiting", watcher.tries,
        "flapping: restart in " + delaySeconds + " s (attempt " + watcher.tries + ")")
        .put("restart_in", delaySeconds).put("restart_at", restartAt));
    watcher.retryTimer = vertx.setTimer(Math.max(1, Math.round(delaySeconds * 1000)), id -> {
      watcher.retryTimer = -1;
      cast("start", new JsonObject().put("name", watcher.name));
      annotate(watcher.name, note("restarted", watcher.tries, "flapping: restarted (attempt " + watcher.tries + ")"));
    });
  }

  private static JsonObject note(String state, int attempt, String summary) {
    return new JsonObject().put("state", state).put("attempt", attempt).put("summary", summary);
  }

  private void forget(Tracked watcher) {
    if (watcher.retryTimer >= 0) {
      vertx.cancelTimer(watcher.retryTimer);
    }
    watchers.remove(watcher.name);
  }
}
