package io.circus.sockets;

import io.circus.config.ConfigError;
import io.circus.config.ConfigException;
import io.circus.config.SocketSpec;
import io.circus.process.ProcessLauncher;
import io.circus.process.ReadinessWatch;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The sockets circusd binds for its watchers ({@code [socket:NAME]} sections), by name. They are
 * bound before any watcher starts and stay open while watchers stop, start and reload, so a
 * connection that comes meanwhile waits in the socket's backlog instead of being refused.
 *
 * <p>Owned by the arbiter's context: every method but {@link #list()} is called there. Binding
 * (which may resolve a host name) and closing run on worker threads. It also tells on-demand
 * watchers when a connection comes ({@link #awaitActivity}), through the process launcher's
 * reactor thread, which watches the sockets for input without accepting anything.
 */
public final class CircusSockets {

  private static final Logger log = LoggerFactory.getLogger(CircusSockets.class);

  private final Vertx vertx;
  private final Context context;
  private final ProcessLauncher launcher;
  private final Map<String, CircusSocket> sockets = new TreeMap<>();
  private final Map<String, Activity> watched = new HashMap<>();
  private volatile List<CircusSocket> listing = List.of();

  /** One socket watched for a connection: who waits for it, and the reactor's watch while armed. */
  private static final class Activity {
    final Set<SocketWait> waits = new LinkedHashSet<>();
    ReadinessWatch watch;
    long generation;
  }

  public CircusSockets(Vertx vertx, Context context, ProcessLauncher launcher) {
    this.vertx = vertx;
    this.context = context;
    this.launcher = launcher;
  }

  /**
   * Binds these sockets, at start. Fails with a {@link ConfigException} listing every socket
   * that could not be bound; then none is left bound.
   */
  public Future<Void> open(List<SocketSpec> specs) {
    return vertx.executeBlocking(() -> {
      BindResult result = bindAll(specs);
      if (!result.errors().isEmpty()) {
        result.bound().forEach(CircusSocket::close);
        throw new ConfigException(result.errors());
      }
      return result.bound();
    }).map(bound -> {
      bound.forEach(this::add);
      return null;
    });
  }

  /**
   * Goes over to these sockets (reloadconfig): sockets no longer there, or changed, are closed;
   * changed and new ones are bound; unchanged ones stay open. Fails with a {@link ConfigException}
   * naming the sockets that could not be bound, once the rest is applied.
   */
  public Future<Void> update(List<SocketSpec> specs) {
    Map<String, SocketSpec> wanted = new TreeMap<>();
    specs.forEach(spec -> wanted.put(spec.name(), spec));
    List<CircusSocket> retired = new ArrayList<>();
    for (CircusSocket socket : sockets.values()) {
      SocketSpec next = wanted.get(socket.name());
      if (next == null || !sameSocket(socket.spec(), next)) retired.add(socket);
    }
    List<SocketSpec> toBind = wanted.values().stream().filter(spec -> !sockets.containsKey(spec.name())
        || retired.contains(sockets.get(spec.name()))).toList();
    return close(retired)
        .compose(v -> vertx.executeBlocking(() -> bindAll(toBind)))
        .compose(result -> {
          result.bound().forEach(this::add);
          return result.errors().isEmpty() ? Future.succeededFuture() : Future.failedFuture(new ConfigException(result.errors()));
        });
  }

  /** Closes every socket (circusd stops). */
  public Future<Void> closeAll() {
    return close(new ArrayList<>(sockets.values()));
  }

  public Optional<CircusSocket> get(String name) {
    return Optional.ofNullable(sockets.get(name));
  }

  /** The names of the bound sockets, sorted. */
  public Set<String> names() {
    return new LinkedHashSet<>(sockets.keySet());
  }

  /** The bound sockets sorted by fd, as {@code listsockets} lists them. Readable from any thread. */
  public List<CircusSocket> list() {
    return listing;
  }

  /**
   * Runs {@code onActivity} once, on the arbiter's context, when one of these sockets has input
   * (a connection waiting, which stays queued for the processes to accept). Names of sockets that
   * are not bound are ignored; a socket closed meanwhile is no longer waited on.
   */
  public SocketWait awaitActivity(Set<String> names, Runnable onActivity) {
    SocketWait wait = new SocketWait(this, names, onActivity);
    for (String name : wait.names()) {
      if (!sockets.containsKey(name)) continue;
      Activity activity = watched.computeIfAbsent(name, n -> new Activity());
      activity.waits.add(wait);
      if (activity.watch == null) arm(name, activity);
    }
    return wait;
  }

  void forget(SocketWait wait) {
    for (String name : wait.names()) {
      Activity activity = watched.get(name);
      if (activity == null) continue;
      activity.waits.remove(wait);
      if (activity.waits.isEmpty()) {
        watched.remove(name);
        if (activity.watch != null) activity.watch.cancel();
      }
    }
  }

  private void arm(String name, Activity activity) {
    long generation = ++activity.generation;
    activity.watch = launcher.watchReadable(sockets.get(name).fd(),
        () -> context.runOnContext(v -> readable(name, activity, generation)));
  }

  private void readable(String name, Activity activity, long generation) {
    if (watched.get(name) != activity || activity.generation != generation || activity.watch == null) return;
    activity.watch = null; // one-shot: it has ended
    log.info("{}: a connection is waiting", sockets.get(name));
    new ArrayList<>(activity.waits).forEach(SocketWait::fire);
    if (!activity.waits.isEmpty() && activity.watch == null) arm(name, activity);
  }

  private void add(CircusSocket socket) {
    sockets.put(socket.name(), socket);
    publishListing();
    log.info("{} bound", socket);
  }

  private Future<Void> close(List<CircusSocket> closing) {
    List<Future<Void>> released = new ArrayList<>();
    for (CircusSocket socket : closing) {
      sockets.remove(socket.name());
      Activity activity = watched.remove(socket.name());
      if (activity != null && activity.watch != null) {
        // The reactor watches a copy of the descriptor: the address is free once it let go of it too.
        released.add(Future.fromCompletionStage(activity.watch.cancel(), context));
      }
    }
    publishListing();
    if (closing.isEmpty()) return Future.succeededFuture();
    return Future.join(released).transform(v -> vertx.executeBlocking(() -> {
      closing.forEach(socket -> {
        socket.close();
        log.info("{} closed", socket);
      });
      return null;
    }));
  }

  private void publishListing() {
    List<CircusSocket> sorted = new ArrayList<>(sockets.values());
    sorted.sort(Comparator.comparingInt(CircusSocket::fd));
    listing = List.copyOf(sorted);
  }

  private record BindResult(List<CircusSocket> bound, List<ConfigError> errors) {
  }

  /** Worker thread: binds each socket, collecting the errors. */
  private static BindResult bindAll(List<SocketSpec> specs) {
    List<CircusSocket> bound = new ArrayList<>();
    List<ConfigError> errors = new ArrayList<>();
    for (SocketSpec spec : specs) {
      try {
        bound.add(SectionBinder.bind(spec));
      } catch (ConfigException e) {
        errors.addAll(e.errors());
      }
    }
    return new BindResult(bound, errors);
  }

  private static boolean sameSocket(SocketSpec a, SocketSpec b) {
    return Objects.equals(a.withSource(null), b.withSource(null));
  }
}
