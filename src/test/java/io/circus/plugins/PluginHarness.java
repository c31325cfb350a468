package io.circus.plugins;

import io.circus.arbiter.Arbiter;
import io.circus.arbiter.ArbiterVerticle;
import io.circus.arbiter.Await;
import io.circus.arbiter.BusEventPublisher;
import io.circus.commands.CommandContext;
import io.circus.commands.CommandRegistry;
import io.circus.commands.Controller;
import io.circus.commands.DaemonControl;
import io.circus.config.CircusConfig;
import io.circus.config.ConfigDiff;
import io.circus.config.ConfigLoader;
import io.circus.daemon.ConfiguredClasses;
import io.circus.process.NativeProcessLauncher;
import io.circus.stats.ProcessSampler;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * circusd inside the test JVM, as the daemon wires it: a configuration read from an ini text, its
 * class check, the arbiter with in-process plugins (real children), and the controller on the
 * bus. Every event is recorded.
 */
final class PluginHarness {

  final Vertx vertx;
  final Arbiter arbiter;
  final List<JsonObject> events = new CopyOnWriteArrayList<>();

  PluginHarness(Vertx vertx, Path dir, String ini) {
    this.vertx = vertx;
    vertx.eventBus().<JsonObject>consumer(BusEventPublisher.ADDRESS, m -> events.add(m.body()));
    CircusConfig config = ConfiguredClasses.checked(ConfigLoader.load(write(dir, ini), Map.of("PATH", "/usr/bin:/bin")));
    arbiter = Await.result(ArbiterVerticle.deploy(vertx, config, NativeProcessLauncher::new, Map.of("PATH", "/usr/bin:/bin"),
        new InProcessPlugins(vertx)));
    CommandContext context = new CommandContext(vertx, arbiter, new BusEventPublisher(vertx.eventBus()), new NoDaemon(arbiter),
        new ProcessSampler());
    Await.result(vertx.deployVerticle(new Controller(CommandRegistry.circus(), context)));
  }

  static Path write(Path dir, String ini) {
    try {
      return Files.writeString(dir.resolve("circus.ini"), ini);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  PluginHarness started() {
    Await.result(arbiter.start());
    return this;
  }

  JsonObject call(String command, JsonObject properties) {
    JsonObject request = new JsonObject().put("command", command).put("properties", properties).put("id", "t");
    return Await.result(vertx.eventBus().<JsonObject>request(Controller.ADDRESS, request,
        new DeliveryOptions().setSendTimeout(60_000))).body();
  }

  String status(String watcher) {
    return call("status", new JsonObject().put("name", watcher)).getString("status");
  }

  List<JsonObject> eventsOf(String watcher, String event) {
    String topic = BusEventPublisher.topic(watcher, event);
    return events.stream().filter(e -> e.getString("topic").equals(topic)).toList();
  }

  long count(String watcher, String event) {
    return eventsOf(watcher, event).size();
  }

  /** Stops every watcher and plugin. */
  void stop() {
    Await.result(arbiter.stop());
  }

  private record NoDaemon(Arbiter arbiter) implements DaemonControl {
    @Override
    public Future<ConfigDiff> reloadConfiguration() {
      return Future.failedFuture("no configuration file in this test");
    }

    @Override
    public Future<Void> restartArbiter() {
      return Future.failedFuture("not in this test");
    }

    @Override
    public Future<Void> stopAllForQuit() {
      return arbiter.stop();
    }

    @Override
    public void exit() {
    }

    @Override
    public String workingDirectory() {
      return System.getProperty("user.dir");
    }
  }
}
