package io.circus.commands;

import io.circus.arbiter.Arbiter;
import io.circus.arbiter.ArbiterVerticle;
import io.circus.arbiter.Await;
import io.circus.arbiter.BusEventPublisher;
import io.circus.config.ArbiterSpec;
import io.circus.config.CircusConfig;
import io.circus.config.ConfigDiff;
import io.circus.config.WatcherSpec;
import io.circus.process.NativeProcessLauncher;
import io.circus.stats.ProcessSampler;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A real arbiter (real children) with the controller on the bus, for command tests: requests go
 * to {@code circus.command} as a bus client or the ZMQ bridge would send them.
 */
final class CommandHarness {

  final Vertx vertx;
  final Arbiter arbiter;
  final List<JsonObject> events = new CopyOnWriteArrayList<>();
  final RecordingDaemon daemon = new RecordingDaemon();

  CommandHarness(Vertx vertx, WatcherSpec... watchers) {
    this(vertx, ArbiterSpec.defaults(), watchers);
  }

  CommandHarness(Vertx vertx, ArbiterSpec spec, WatcherSpec... watchers) {
    this.vertx = vertx;
    vertx.eventBus().<JsonObject>consumer(BusEventPublisher.ADDRESS, m -> events.add(m.body()));
    this.arbiter = Await.result(ArbiterVerticle.deploy(vertx, spec, List.of(watchers), NativeProcessLauncher::new));
    daemon.arbiter = arbiter;
    CommandContext context = new CommandContext(vertx, arbiter, new BusEventPublisher(vertx.eventBus()), daemon, new ProcessSampler());
    Await.result(vertx.deployVerticle(new Controller(CommandRegistry.circus(), context)));
  }

  CommandHarness started() {
    Await.result(arbiter.start());
    return this;
  }

  /** Sends {@code {"command": ..., "properties": ..., "id": "t"}} and returns the reply. */
  JsonObject call(String command, JsonObject properties) {
    return send(new JsonObject().put("command", command).put("properties", properties).put("id", "t"));
  }

  JsonObject call(String command) {
    return send(new JsonObject().put("command", command).put("id", "t"));
  }

  JsonObject send(JsonObject request) {
    return Await.result(vertx.eventBus().<JsonObject>request(Controller.ADDRESS, request, options())).body();
  }

  /** Sends raw bytes, as the ZMQ bridge does; null when no reply is due. */
  JsonObject sendRaw(String payload) {
    return Await.result(vertx.eventBus().<JsonObject>request(Controller.ADDRESS, Buffer.buffer(payload), options())).body();
  }

  List<JsonObject> eventsOf(String watcher, String event) {
    String topic = BusEventPublisher.topic(watcher, event);
    return events.stream().filter(e -> e.getString("topic").equals(topic)).toList();
  }

  private static DeliveryOptions options() {
    return new DeliveryOptions().setSendTimeout(60_000);
  }

  /** Daemon-wide actions, recorded instead of done (they are end-to-end tested with circusd). */
  static final class RecordingDaemon implements DaemonControl {
    Arbiter arbiter;
    final List<String> calls = new CopyOnWriteArrayList<>();

    @Override
    public Future<ConfigDiff> reloadConfiguration() {
      calls.add("reloadconfig");
      return Future.succeededFuture(new ConfigDiff(List.of("endpoint", "check_delay"), List.of(), List.of(), List.of(),
          List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of()));
    }

    @Override
    public Future<Void> restartArbiter() {
      calls.add("restart");
      return arbiter.restart(new CircusConfig(null, arbiter.spec(), List.of(), List.of(), List.of(), List.of(), List.of()));
    }

    @Override
    public Future<Void> stopAllForQuit() {
      calls.add("stop-for-quit");
      return arbiter.stop();
    }

    @Override
    public void exit() {
      calls.add("exit");
    }

    @Override
    public String workingDirectory() {
      return "/run/dir";
    }
  }

  static JsonObject props(Object... keyValues) {
    JsonObject props = new JsonObject();
    for (int i = 0; i < keyValues.length; i += 2) {
      props.put((String) keyValues[i], keyValues[i + 1]);
    }
    return props;
  }

  static Map<String, Object> map(Object... keyValues) {
    return props(keyValues).getMap();
  }
}
