package com.example;

import io.circus.plugins.CircusPlugin;
import io.circus.plugins.PluginOptions;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;

/**
 * A plugin: appends a line to {@code file} for every process that exits with a non-zero status,
 * with the number of processes its watcher runs after the exit (asked with the numprocesses command).
 *
 * <pre>
 * [plugin:audit]
 * use = com.example.ExitAudit
 * file = exits.log
 * </pre>
 */
public final class ExitAudit extends CircusPlugin {

  private Path file;

  @Override
  protected void configure(PluginOptions options) {
    file = Path.of(options.string("file", "exits.log"));
  }

  @Override
  protected void handleRecv(String topic, JsonObject data) {
    String[] watcherAndEvent = splitTopic(topic);
    int exitCode = data.getInteger("exit_code", 0);
    if (!watcherAndEvent[1].equals("reap") || exitCode == 0) {
      return;
    }
    String watcher = watcherAndEvent[0];
    call("numprocesses", new JsonObject().put("name", watcher)).onSuccess(reply ->
        append(String.format("%s %s pid %d exited with %d; numprocesses %d%n", Instant.now(), watcher,
            data.getInteger("process_pid"), exitCode, reply.getInteger("numprocesses"))));
  }

  // This plugin runs on a worker thread of its own (the default), so it may write files directly.
  private void append(String line) {
    try {
      Files.writeString(file, line, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    } catch (IOException e) {
      throw new UncheckedIOException(e); // circusd logs it and restarts the plugin
    }
  }
}
