package io.circus.plugins;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * A plugin for tests, run in circusd or through circus-plugin: it appends what happens to it to
 * the file of its {@code file} option ("init", each topic, "stop"), and when it sees watcher
 * {@code grow} start it calls {@code incr} on it once and records the reply. {@code misbehave}
 * makes it crash ({@code crash}) or hang ({@code hang}) on the first spawn event it sees of
 * watcher {@code victim}, or fail at start ({@code fail-init}).
 */
public final class RecordingPlugin extends CircusPlugin {

  private Path file;
  private String misbehave;
  private boolean grown;

  @Override
  protected void configure(PluginOptions options) {
    file = Path.of(options.optional("file").orElseThrow(() -> new PluginOptionException("file", "", "the file to record to")));
    misbehave = options.string("misbehave", "no");
    options.integer("some_number", 0);
  }

  @Override
  protected Future<?> handleInit() {
    if (misbehave.equals("fail-init")) {
      return Future.failedFuture("cannot start, as asked");
    }
    record("init " + name());
    return Future.succeededFuture();
  }

  @Override
  protected void handleRecv(String topic, JsonObject data) {
    record(topic);
    if (topic.equals("watcher.victim.spawn")) {
      switch (misbehave) {
        case "crash" -> throw new IllegalStateException("crashing, as asked");
        case "hang" -> hang();
        default -> { }
      }
    }
    if (topic.equals("watcher.grow.start") && !grown) {
      grown = true;
      call("incr", new JsonObject().put("name", "grow").put("nb", 1).put("waiting", true))
          .onSuccess(reply -> record("incr " + reply.getString("status") + " " + reply.getInteger("numprocesses")))
          .onFailure(e -> record("incr failed " + e.getMessage()));
    }
  }

  @Override
  protected Future<?> handleStop() {
    record("stop");
    return Future.succeededFuture();
  }

  /** Blocks until interrupted (what circusd does to a plugin stuck past its hang_timeout). */
  private static void hang() {
    try {
      new java.util.concurrent.CountDownLatch(1).await();
    } catch (InterruptedException e) {
      throw new IllegalStateException("interrupted while hanging", e);
    }
  }

  private void record(String line) {
    try {
      Files.writeString(file, line + "\n", StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
