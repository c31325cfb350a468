package io.circus.arbiter;

import io.circus.config.ArbiterSpec;
import io.circus.config.CircusConfig;
import io.circus.config.ConfigDiff;
import io.circus.config.PluginSpec;
import io.circus.config.WatcherSpec;
import io.circus.sockets.CircusSocket;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Set;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Owns the watchers of one circusd (Circus's Arbiter). Its state lives on one context; the public
 * methods may be called from any thread and return futures. There is no daemon-wide lock:
 * operations on different watchers run side by side.
 */
public final class Arbiter {

  private static final Logger log = LoggerFactory.getLogger(Arbiter.class);

  private final WatcherRuntime runtime;
  private final PluginRunner plugins;
  private final ContextGuard guard;
  private final Map<String, Watcher> watchers = new LinkedHashMap<>();
  private volatile CircusConfig config;
  private long checkTimer = -1;
  private volatile List<Watcher> registered = List.of();

  Arbiter(CircusConfig config, WatcherRuntime runtime, PluginRunner plugins) {
    this.config = config;
    this.runtime = runtime;
    this.plugins = plugins;
    this.guard = new ContextGuard(runtime.context());
  }

  public ArbiterSpec spec() {
    return config.arbiter();
  }

  /** The configuration last applied (at start or by {@link #applyConfig}). */
  public CircusConfig config() {
    return config;
  }

  /** Every watcher, in registration order. Readable from any thread. */
  public List<Watcher> watchers() {
    return registered;
  }

  /** A watcher by name, case-insensitively. Readable from any thread. */
  public Optional<Watcher> watcher(String name) {
    String key = key(name);
    return registered.stream().filter(w -> key(w.name()).equals(key)).findFirst();
  }

  /**
   * Watchers by priority, highest first; equal priorities keep registration order (SPEC.md
   * §7.8).
   */
  public List<Watcher> byPriority() {
    List<Watcher> sorted = new ArrayList<>(registered);
    sorted.sort(Comparator.comparingInt((Watcher w) -> w.snapshot().spec().priority()).reversed());
    return sorted;
  }

  /** Registers a watcher, stopped. Fails when the name is taken (case-insensitively). */
  public Future<Watcher> add(WatcherSpec watcherSpec) {
    return guard.call(() -> register(watcherSpec, runtime));
  }

  /** Registers the watcher {@code plugin:NAME} that runs a plugin, stopped. */
  public Future<Watcher> addPlugin(PluginSpec plugin) {
    return guard.call(() -> register(plugin.watcher(), runtime.withSpawner(plugins.spawner(plugin))));
  }

  private Future<Watcher> register(WatcherSpec watcherSpec, WatcherRuntime watcherRuntime) {
    String key = key(watcherSpec.name());
    if (watchers.containsKey(key)) {
      return Future.failedFuture(new IllegalArgumentException("'" + watcherSpec.name() + "' already exist"));
    }
    Watcher watcher = new Watcher(watcherSpec, watcherRuntime);
    watchers.put(key, watcher);
    registered = List.copyOf(watchers.values());
    return Future.succeededFuture(watcher);
  }

  /** Registers the configured watchers, then the plugins (Circus's order), all stopped. */
  Future<Void> registerConfigured() {
    return guard.call(() -> {
      Future<?> chain = Future.succeededFuture();
      for (WatcherSpec spec : config.watchers()) {
        chain = chain.compose(v -> add(spec));
      }
      for (PluginSpec plugin : config.plugins()) {
        chain = chain.compose(v -> addPlugin(plugin));
      }
      return chain.mapEmpty();
    });
  }

  /**
   * Removes a watcher from the arbiter, then stops it unless {@code keepProcesses} (Circus's
   * {@code nostop}: its processes run on unsupervised).
   */
  public Future<Void> remove(String name, boolean keepProcesses) {
    return guard.call(() -> {
      Watcher watcher = watchers.remove(key(name));
      if (watcher == null) {
        return Future.failedFuture(new NoSuchElementException("program " + name + " not found"));
      }
      registered = List.copyOf(watchers.values());
      Future<Void> removal = keepProcesses ? watcher.release() : watcher.stop().mapEmpty();
      return removal.compose(v -> watcher.output().close());
    });
  }

  /**
   * Starts every watcher with {@code autostart}, one after the other by priority, pausing the
   * arbiter's {@code warmup_delay} between two, and the periodic check.
   */
  public Future<Void> start() {
    return guard.call(() -> {
      startPeriodicCheck();
      Future<Void> chain = Future.succeededFuture();
      boolean first = true;
      for (Watcher watcher : byPriority()) {
        if (!watcher.snapshot().spec().autostart()) {
          continue;
        }
        boolean pause = !first;
        first = false;
        chain = chain.compose(v -> pause ? warmup() : Future.succeededFuture()).compose(v -> watcher.start().mapEmpty());
      }
      return chain;
    });
  }

  /** Stops every watcher at the same time (initiated lowest priority first) and the periodic check. */
  public Future<Void> stop() {
    return guard.call(() -> {
      stopPeriodicCheck();
      List<Watcher> order = byPriority();
      java.util.Collections.reverse(order);
      List<Future<ProcessChanges>> stops = new ArrayList<>();
      for (Watcher watcher : order) {
        stops.add(watcher.stop());
      }
      return Future.join(stops).mapEmpty();
    });
  }

  /**
   * Goes from the configuration in use to {@code newConfig} (reloadconfig, SIGHUP): watchers the
   * file no longer has stop and go; changed ones are re-created; new ones are added and, with
   * autostart, started, highest priority first; a change of {@code numprocesses} alone only
   * rescales; unchanged watchers are not touched. Watchers added at run time are not in either
   * file and stay, unless the new file brings a watcher of the same name, which replaces them.
   * Of the {@code [circus]} options, {@code check_delay} and {@code warmup_delay} apply at once;
   * the others are named in the log and need a restart of circusd. Sockets that go or change are
   * closed (and bound again), once the watchers using them are stopped; those watchers start
   * again afterwards. Plugins follow the same rules as watchers (a changed plugin is re-created).
   * Fails with a {@link io.circus.config.ConfigException} when a socket cannot be bound, once the
   * rest is applied.
   */
  public Future<ConfigDiff> applyConfig(CircusConfig newConfig) {
    return guard.call(() -> {
      ConfigDiff diff = ConfigDiff.between(config, newConfig);
      config = newConfig;
      applyArbiterChanges(diff.arbiterOptionsChanged());
      Set<String> recreated = new HashSet<>(diff.watchersChanged());
      recreated.addAll(diff.watchersAdded());
      List<Future<Void>> removals = new ArrayList<>();
      for (String name : diff.watchersRemoved()) {
        removals.add(remove(name, false));
      }
      for (String name : recreated) {
        if (watcher(name).isPresent()) {
          removals.add(remove(name, false));
        }
      }
      Set<String> pluginsRecreated = new HashSet<>(diff.pluginsChanged());
      pluginsRecreated.addAll(diff.pluginsAdded());
      List<String> pluginsGone = new ArrayList<>(diff.pluginsRemoved());
      pluginsGone.addAll(diff.pluginsChanged());
      for (String name : pluginsGone) {
        removals.add(remove(PluginSpec.WATCHER_PREFIX + name, false));
      }
      List<Watcher> bounced = socketUsers(diff, recreated);
      bounced.forEach(w -> removals.add(w.stop().mapEmpty()));
      return Future.join(removals)
          .compose(v -> updateSockets(newConfig, () -> addAndStart(newConfig, recreated)
              .compose(x -> Future.join(bounced.stream().map(Watcher::start).toList()).mapEmpty())
              .compose(x -> addAndStartPlugins(newConfig, pluginsRecreated))
              .compose(x -> resize(newConfig, diff.watchersResized()))))
          .map(diff);
    });
  }

  /** The sockets bound for the watchers, sorted by fd. Readable from any thread. */
  public List<CircusSocket> sockets() {
    return runtime.sockets().list();
  }

  /**
   * The running (or connection-waiting) watchers, other than {@code excluded} and those that go,
   * whose processes hold a socket that goes or changes: they must let go of it first, since a copy
   * in a process keeps a socket, and its address, open.
   */
  private List<Watcher> socketUsers(ConfigDiff diff, Set<String> excluded) {
    Set<String> replaced = new HashSet<>(diff.socketsChanged());
    replaced.addAll(diff.socketsRemoved());
    Set<String> bound = runtime.sockets().names();
    List<Watcher> users = new ArrayList<>();
    for (Watcher w : registered) {
      boolean goes = excluded.contains(w.name()) || diff.watchersRemoved().contains(w.name());
      boolean active = w.snapshot().state() != WatcherState.STOPPED || w.isWaitingForConnection();
      if (!goes && active && w.snapshot().spec().socketsUsed(bound).stream().anyMatch(replaced::contains)) {
        users.add(w);
      }
    }
    return users;
  }

  /**
   * Brings the sockets to {@code newConfig}'s, then runs {@code next} whatever happened to them,
   * and fails with the sockets' error (watchers that need a socket that could not be bound get
   * spawn errors meanwhile).
   */
  private Future<Void> updateSockets(CircusConfig newConfig, Supplier<Future<Void>> next) {
    return runtime.sockets().update(newConfig.sockets())
        .onFailure(e -> log.error("sockets not bound: {}", e.getMessage()))
        .transform(sockets -> next.get().compose(v -> sockets.succeeded() ? Future.succeededFuture()
            : Future.failedFuture(sockets.cause())));
  }

  /**
   * Restarts the whole arbiter on {@code newConfig} (restart without a name): every watcher stops
   * and goes, run-time additions included, then the configured ones are created and started.
   * Sockets that did not change stay open throughout, so connections wait for the new processes.
   */
  public Future<Void> restart(CircusConfig newConfig) {
    return guard.call(() -> stop().compose(v -> {
      List<String> changed = ConfigDiff.between(config, newConfig).arbiterOptionsChanged();
      watchers.clear();
      registered = List.of();
      config = newConfig;
      applyArbiterChanges(changed); // the periodic check restarts with start() below
      return updateSockets(newConfig, () -> registerConfigured().compose(x -> start()));
    }));
  }

  private void applyArbiterChanges(List<String> changedKeys) {
    for (String key : changedKeys) {
      switch (key) {
        case "check_delay" -> {
          stopPeriodicCheck();
          startPeriodicCheck();
        }
        case "warmup_delay" -> { /* read at each start */ }
        default -> log.warn("[circus] {} changed: restart circusd to apply it", key);
      }
    }
  }

  private Future<Void> addAndStart(CircusConfig newConfig, Set<String> names) {
    List<WatcherSpec> specs = new ArrayList<>(newConfig.watchers().stream().filter(w -> names.contains(w.name())).toList());
    specs.sort(Comparator.comparingInt(WatcherSpec::priority).reversed());
    Future<Void> chain = Future.succeededFuture();
    for (WatcherSpec spec : specs) {
      chain = chain.compose(v -> add(spec)).compose(w -> spec.autostart() ? w.start().mapEmpty() : Future.succeededFuture());
    }
    return chain;
  }

  private Future<Void> addAndStartPlugins(CircusConfig newConfig, Set<String> names) {
    Future<Void> chain = Future.succeededFuture();
    for (PluginSpec plugin : newConfig.plugins()) {
      if (names.contains(plugin.name())) {
        chain = chain.compose(v -> addPlugin(plugin))
            .compose(w -> plugin.watcher().autostart() ? w.start().mapEmpty() : Future.succeededFuture());
      }
    }
    return chain;
  }

  private Future<Void> resize(CircusConfig newConfig, List<String> names) {
    List<Future<Integer>> resizes = new ArrayList<>();
    for (WatcherSpec spec : newConfig.watchers()) {
      if (names.contains(spec.name())) {
        watcher(spec.name()).ifPresent(w -> resizes.add(w.setNumprocesses(spec.numprocesses())));
      }
    }
    return Future.join(resizes).mapEmpty();
  }

  private Future<Void> warmup() {
    int seconds = config.arbiter().warmupDelay();
    return seconds <= 0 ? Future.succeededFuture() : runtime.vertx().timer(seconds * 1000L).mapEmpty();
  }

  /**
   * Every {@code check_delay} seconds, each running watcher checks its process count. Exits are
   * handled as they happen; this only repairs what could have been missed.
   */
  private void startPeriodicCheck() {
    double checkDelay = config.arbiter().checkDelay();
    if (checkTimer >= 0 || checkDelay <= 0) {
      return;
    }
    long period = Math.max(1, Math.round(checkDelay * 1000));
    checkTimer = runtime.vertx().setPeriodic(period, id -> registered.forEach(Watcher::periodicCheck));
  }

  private void stopPeriodicCheck() {
    if (checkTimer >= 0) {
      runtime.vertx().cancelTimer(checkTimer);
      checkTimer = -1;
    }
  }

  /** A summary for logs: watcher to state and pids. */
  public JsonObject describe() {
    JsonObject result = new JsonObject();
    for (Watcher w : registered) {
      WatcherSnapshot s = w.snapshot();
      result.put(s.name(), new JsonObject().put("status", s.state().circusName()).put("pids", s.pids()));
    }
    return result;
  }

  static String key(String name) {
    return name.toLowerCase(Locale.ROOT);
  }
}
