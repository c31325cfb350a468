package io.circus.client;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * A connection to circusd's command channel, over ZeroMQ ({@link ZmqCircusClient}) or the Vert.x
 * event bus ({@link EventBusCircusClient}). Many calls may be in flight at once; each completes
 * with the daemon's reply, or fails with {@link CircusErrorException} (an error reply, with errno
 * and reason), {@link CircusTimeoutException} ("Timed out.") or {@link CircusClientException}.
 *
 * <p>Besides the generic {@link #call}, there is one typed method per Circus command (SPEC §3),
 * named after it. Their properties are the Circus ones; "waiting" asks the daemon to answer only
 * once the operation is over (give such calls a long enough time-out).
 *
 * <p>Futures complete on the client's own thread: keep dependent actions short and never block
 * in them (use the {@code ...Async} variants of {@code CompletableFuture} for long work).
 */
public interface CircusClient extends AutoCloseable {

  Duration DEFAULT_TIMEOUT = Duration.ofSeconds(5);

  /**
   * Sends {@code command} and completes with the reply once it comes (any status but "error":
   * {@code status NAME} answers with the watcher state there).
   */
  CompletableFuture<JsonObject> call(String command, JsonObject properties, Duration timeout);

  /** Sends {@code command} as a cast: the daemon runs it and never answers. Completes once sent. */
  CompletableFuture<Void> cast(String command, JsonObject properties);

  /** The time-out of calls that do not give their own. */
  Duration timeout();

  /** Fails the calls still waiting and releases the connection. */
  @Override
  void close();

  default CompletableFuture<JsonObject> call(String command, JsonObject properties) {
    return call(command, properties, timeout());
  }

  // ---- reading the daemon's state

  /** {@code list}: every watcher's name, lower-cased and sorted. */
  default CompletableFuture<List<String>> list() {
    return call("list", new JsonObject()).thenApply(reply -> strings(reply.getJsonArray("watchers")));
  }

  /** {@code list NAME}: the pids of a watcher's live processes, oldest first. */
  default CompletableFuture<List<Long>> pids(String watcher) {
    return call("list", named(watcher)).thenApply(reply -> ProcessChanges.pids(reply, "pids"));
  }

  default CompletableFuture<Integer> numwatchers() {
    return call("numwatchers", new JsonObject()).thenApply(reply -> reply.getInteger("numwatchers"));
  }

  /** The number of processes of every watcher together. */
  default CompletableFuture<Integer> numprocesses() {
    return call("numprocesses", new JsonObject()).thenApply(reply -> reply.getInteger("numprocesses"));
  }

  default CompletableFuture<Integer> numprocesses(String watcher) {
    return call("numprocesses", named(watcher)).thenApply(reply -> reply.getInteger("numprocesses"));
  }

  /** Every watcher's state ({@code active}, {@code stopped}, ...) by name as configured. */
  default CompletableFuture<Map<String, String>> status() {
    return call("status", new JsonObject()).thenApply(reply -> {
      Map<String, String> statuses = new LinkedHashMap<>();
      reply.getJsonObject("statuses").forEach(entry -> statuses.put(entry.getKey(), String.valueOf(entry.getValue())));
      return statuses;
    });
  }

  /** One watcher's state: {@code stopped}, {@code starting}, {@code active} or {@code stopping}. */
  default CompletableFuture<String> status(String watcher) {
    return call("status", named(watcher)).thenApply(reply -> reply.getString("status"));
  }

  /** Every option of a watcher, by wire name. */
  default CompletableFuture<JsonObject> options(String watcher) {
    return call("options", named(watcher)).thenApply(reply -> reply.getJsonObject("options"));
  }

  /** Some options of a watcher, in the order asked. */
  default CompletableFuture<JsonObject> get(String watcher, List<String> keys) {
    return call("get", named(watcher).put("keys", new JsonArray(List.copyOf(keys))))
        .thenApply(reply -> reply.getJsonObject("options"));
  }

  /** The daemon's endpoints and check delay. */
  default CompletableFuture<JsonObject> globaloptions() {
    return call("globaloptions", new JsonObject()).thenApply(reply -> reply.getJsonObject("options"));
  }

  /** One daemon option: {@code endpoint}, {@code pubsub_endpoint}, {@code check_delay}, ... */
  default CompletableFuture<Object> globaloption(String option) {
    return call("globaloptions", new JsonObject().put("option", option))
        .thenApply(reply -> reply.getJsonObject("options").getValue(option));
  }

  /**
   * {@code stats}: the reply, whose {@code infos} holds, per watcher, a process record per pid
   * (SPEC §3.10). {@code extended} passes records through the watchers' extended_stats hooks.
   */
  default CompletableFuture<JsonObject> stats(boolean extended) {
    return call("stats", new JsonObject().put("extended", extended));
  }

  /** {@code stats NAME}: the reply, whose {@code info} holds a process record per pid. */
  default CompletableFuture<JsonObject> stats(String watcher, boolean extended) {
    return call("stats", named(watcher).put("extended", extended));
  }

  /**
   * {@code stats NAME PID}: the reply, whose {@code info} is the process record (or the text
   * {@code No such process (stopped?)} if it ended meanwhile).
   */
  default CompletableFuture<JsonObject> stats(String watcher, long pid, boolean extended) {
    return call("stats", named(watcher).put("process", pid).put("extended", extended));
  }

  /** The process record of circusd itself. */
  default CompletableFuture<JsonObject> dstats() {
    return call("dstats", new JsonObject()).thenApply(reply -> reply.getJsonObject("info"));
  }

  /** The sockets circusd holds for its watchers, by fd. */
  default CompletableFuture<List<SocketInfo>> listsockets() {
    return call("listsockets", new JsonObject()).thenApply(reply -> {
      List<SocketInfo> sockets = new ArrayList<>();
      for (Object socket : reply.getJsonArray("sockets")) sockets.add(SocketInfo.of((JsonObject) socket));
      return sockets;
    });
  }

  // ---- changing it

  default CompletableFuture<ProcessCount> incr(String watcher, int nb, boolean waiting) {
    return call("incr", named(watcher).put("nb", nb).put("waiting", waiting)).thenApply(ProcessCount::of);
  }

  default CompletableFuture<ProcessCount> decr(String watcher, int nb, boolean waiting) {
    return call("decr", named(watcher).put("nb", nb).put("waiting", waiting)).thenApply(ProcessCount::of);
  }

  default CompletableFuture<ProcessChanges> start(WatcherSelection watchers, boolean waiting) {
    return call("start", watchers.properties(waiting)).thenApply(CircusClient::info);
  }

  default CompletableFuture<ProcessChanges> stop(WatcherSelection watchers, boolean waiting) {
    return call("stop", watchers.properties(waiting)).thenApply(CircusClient::info);
  }

  /** Restarts the selected watchers; {@link WatcherSelection#all()} restarts the whole arbiter. */
  default CompletableFuture<ProcessChanges> restart(WatcherSelection watchers, boolean waiting) {
    return call("restart", watchers.properties(waiting)).thenApply(CircusClient::info);
  }

  /**
   * Reloads one watcher (null: every watcher): new processes replace the old ones, one at a time
   * when {@code sequential}; {@code graceful = false} restarts instead.
   */
  default CompletableFuture<ProcessChanges> reload(String watcher, boolean graceful, boolean sequential,
      boolean waiting) {
    JsonObject properties = watcher == null ? new JsonObject() : named(watcher);
    properties.put("graceful", graceful).put("sequential", sequential).put("waiting", waiting);
    return call("reload", properties).thenApply(CircusClient::info);
  }

  /** Reads the configuration file again and applies the difference. */
  default CompletableFuture<Void> reloadconfig(boolean waiting) {
    return call("reloadconfig", new JsonObject().put("waiting", waiting)).thenApply(reply -> null);
  }

  /** Stops every watcher, then circusd. */
  default CompletableFuture<Void> quit(boolean waiting) {
    return call("quit", new JsonObject().put("waiting", waiting)).thenApply(reply -> null);
  }

  /** Creates a watcher; when it is started and waited for, the pids it started. */
  default CompletableFuture<ProcessChanges> add(AddRequest watcher) {
    return call("add", watcher.properties()).thenApply(ProcessChanges::of);
  }

  /** Removes a watcher, stopping its processes unless {@code nostop}. */
  default CompletableFuture<Void> rm(String watcher, boolean nostop, boolean waiting) {
    return call("rm", named(watcher).put("nostop", nostop).put("waiting", waiting)).thenApply(reply -> null);
  }

  /** Changes options of a watcher (wire names and JSON types, SPEC §6.3). */
  default CompletableFuture<Void> set(String watcher, JsonObject options, boolean waiting) {
    return call("set", named(watcher).put("options", options).put("waiting", waiting)).thenApply(reply -> null);
  }

  default CompletableFuture<Void> signal(SignalRequest signal) {
    return call("signal", signal.properties()).thenApply(reply -> null);
  }

  default CompletableFuture<Void> kill(KillRequest kill) {
    return call("kill", kill.properties()).thenApply(reply -> null);
  }

  private static JsonObject named(String watcher) {
    return new JsonObject().put("name", watcher);
  }

  private static ProcessChanges info(JsonObject reply) {
    return ProcessChanges.of(reply.getJsonObject("info"));
  }

  private static List<String> strings(JsonArray array) {
    List<String> strings = new ArrayList<>();
    for (Object value : array) strings.add(String.valueOf(value));
    return strings;
  }
}
