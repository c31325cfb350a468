package io.circus.plugins;

import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The base class of a plugin (Circus's {@code CircusPlugin}): a Vert.x verticle that receives
 * every event circusd publishes and may send it commands.
 *
 * <p>The same class runs inside circusd, deployed from {@code [plugin:NAME] use = the.Class}
 * (it talks over the event bus), or in a process of its own with
 * {@code bin/circus-plugin --endpoint E --pubsub P the.Class} (over ZeroMQ), without a line of
 * difference. Its options ({@code [plugin:NAME]} keys or {@code --config}) are {@link #options()},
 * also available as the verticle's {@code config()}.
 *
 * <p>Lifecycle: {@link #configure} reads the options (circusd also calls it on a throw-away
 * instance before it starts, so bad options stop circusd with a clear error); then
 * {@link #handleInit}; then {@link #handleRecv} for each event, in order; at the end
 * {@link #handleStop}. Every callback runs on the plugin's own context: a worker thread of its
 * own unless {@link #runsOnEventLoop()} says it never blocks. An exception thrown from a
 * callback, or a callback that does not return within the plugin's {@code hang_timeout}, counts
 * as a crash: the plugin is stopped and circusd restarts it as it restarts any process.
 */
public abstract class CircusPlugin extends VerticleBase {

  private String name = getClass().getSimpleName();
  private PluginOptions options = new PluginOptions(Map.of());
  private PluginChannel channel;
  private Consumer<Throwable> crashHandler = e -> { };
  private volatile long busySince;
  private volatile Thread busyThread;

  /** Gives the plugin its name, options and channel, and lets it read its options. */
  final void setUp(String pluginName, PluginOptions pluginOptions, PluginChannel pluginChannel, Consumer<Throwable> onCrash) {
    this.name = pluginName;
    this.options = pluginOptions;
    this.channel = pluginChannel;
    this.crashHandler = onCrash;
    configure(pluginOptions);
  }

  /**
   * Reads and checks the options; throw {@link PluginOptionException} (the typed getters of
   * {@link PluginOptions} do) for a value that does not fit. Called once, before anything else.
   */
  protected void configure(PluginOptions options) {
  }

  /** Called when the plugin starts, before the first event; the plugin starts once the future completes. */
  protected Future<?> handleInit() {
    return Future.succeededFuture();
  }

  /**
   * One event: {@code topic} is {@code watcher.<name>.<event>}, {@code data} its payload
   * ({@code {"process_pid": ..., "time": ...}} and the like, SPEC.md §4.1).
   */
  protected abstract void handleRecv(String topic, JsonObject data);

  /** Called when the plugin stops (after the last event); it may still call commands. */
  protected Future<?> handleStop() {
    return Future.succeededFuture();
  }

  /**
   * True for a plugin that never blocks (only asynchronous work): it then runs on an event loop.
   * By default a plugin gets a worker thread of its own and may block in its callbacks.
   */
  protected boolean runsOnEventLoop() {
    return false;
  }

  /** NAME of {@code [plugin:NAME]} (out of process: the class's simple name unless {@code --name}). */
  public final String name() {
    return name;
  }

  public final PluginOptions options() {
    return options;
  }

  /**
   * Sends a command to circusd and completes with its reply, on the plugin's context. An error
   * reply fails the future with {@link io.circus.client.CircusErrorException}.
   */
  public final Future<JsonObject> call(String command, JsonObject properties) {
    return channel.call(context, command, properties);
  }

  /** Sends a command to circusd without waiting for it (a Circus cast: no reply ever comes). */
  public final void cast(String command, JsonObject properties) {
    channel.cast(command, properties);
  }

  /**
   * Runs {@code task} every {@code period} on the plugin's context until it stops, watched like
   * the other callbacks (an exception is a crash, a hang is noticed).
   */
  protected final void every(Duration period, Runnable task) {
    vertx.setPeriodic(Math.max(1, period.toMillis()), id -> guarded(task));
  }

  /**
   * Attaches {@code note} to a watcher under this plugin's name, shown by the {@code status}
   * command (null removes it): how a plugin makes its view of a watcher visible.
   */
  public final void annotate(String watcher, JsonObject note) {
    cast("annotate", new JsonObject().put("name", watcher).put("key", name).put("note", note));
  }

  /**
   * The watcher and event of a topic: {@code watcher.web.spawn} gives web and spawn. (Circus
   * splits on every dot, which breaks watcher names with dots; the event is the last part.)
   */
  protected static String[] splitTopic(String topic) {
    int first = topic.indexOf('.');
    int last = topic.lastIndexOf('.');
    if (first < 0 || last <= first) {
      return new String[] {"", ""};
    }
    return new String[] {topic.substring(first + 1, last), topic.substring(last + 1)};
  }

  @Override
  public final Future<?> start() {
    context.exceptionHandler(this::crashed);
    Future<?> init;
    try {
      init = busy(this::handleInit);
    } catch (RuntimeException e) {
      return Future.failedFuture(e);
    }
    return init.compose(v -> channel.subscribe(context, (topic, data) -> guarded(() -> handleRecv(topic, data))));
  }

  @Override
  public final Future<?> stop() {
    return channel.close(context).transform(closed -> {
      try {
        return busy(this::handleStop);
      } catch (RuntimeException e) {
        return Future.failedFuture(e);
      }
    });
  }

  /** How long the callback now running has been running, in nanoseconds; 0 when idle. */
  final long busyNanos() {
    long since = busySince;
    return since == 0 ? 0 : Math.max(1, System.nanoTime() - since);
  }

  /** The thread running the plugin's current callback, or null. */
  final Thread busyThread() {
    return busyThread;
  }

  private void guarded(Runnable callback) {
    try {
      busy(() -> {
        callback.run();
        return null;
      });
    } catch (RuntimeException | Error e) {
      crashed(e);
    }
  }

  private <T> T busy(java.util.function.Supplier<T> callback) {
    busyThread = Thread.currentThread();
    busySince = System.nanoTime();
    try {
      return callback.get();
    } finally {
      busySince = 0;
      busyThread = null;
    }
  }

  private void crashed(Throwable error) {
    crashHandler.accept(error);
  }
}
