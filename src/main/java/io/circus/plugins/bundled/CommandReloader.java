package io.circus.plugins.bundled;

import io.circus.config.PluginSpec;
import io.circus.plugins.CircusPlugin;
import io.circus.plugins.PluginOptions;
import io.vertx.core.Future;
import io.vertx.core.file.FileProps;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Restarts a watcher when its program file changes (Circus's
 * {@code circus.plugins.command_reloader.CommandReloader}): every {@code loop_rate} seconds (1)
 * it reads each watcher's {@code cmd}, resolves the file it names (symbolic links followed) and
 * restarts the watcher when that file's modification time or resolved path changed since the
 * previous look. Plugins are left out; a command that is not a file (a program found through
 * PATH, a shell line) is skipped.
 */
public final class CommandReloader extends CircusPlugin {

  private static final Logger log = LoggerFactory.getLogger(CommandReloader.class);

  private double loopRate;
  private final Map<String, Seen> seen = new HashMap<>();

  private record Seen(String path, long modified) {
  }

  @Override
  protected void configure(PluginOptions options) {
    loopRate = options.seconds("loop_rate", 1);
  }

  @Override
  protected boolean runsOnEventLoop() {
    return true;
  }

  @Override
  protected Future<?> handleInit() {
    every(Duration.ofMillis(Math.round(loopRate * 1000)), this::lookAfter);
    return Future.succeededFuture();
  }

  @Override
  protected void handleRecv(String topic, JsonObject data) {
    // it looks at files, not at events
  }

  private void lookAfter() {
    call("list", new JsonObject()).onSuccess(reply -> {
      Set<String> names = new HashSet<>();
      for (Object name : reply.getJsonArray("watchers", new JsonArray())) {
        if (!String.valueOf(name).startsWith(PluginSpec.WATCHER_PREFIX)) {
          names.add(String.valueOf(name));
        }
      }
      seen.keySet().retainAll(names);
      names.forEach(this::look);
    });
  }

  private void look(String watcher) {
    call("get", new JsonObject().put("name", watcher).put("keys", new JsonArray().add("cmd")))
        .map(reply -> reply.getJsonObject("options").getString("cmd", ""))
        .compose(cmd -> {
          String program = cmd.strip().split("\\s+", 2)[0];
          if (program.isEmpty() || !program.contains("/")) {
            return Future.succeededFuture();
          }
          return vertx.fileSystem().props(Path.of(program).toAbsolutePath().toString())
              .compose(props -> resolve(program).map(real -> new Seen(real, modified(props))))
              .onSuccess(now -> {
                Seen before = seen.put(watcher, now);
                if (before != null && !before.equals(now)) {
                  log.info("{} modified: restarting watcher {}", now.path(), watcher);
                  cast("restart", new JsonObject().put("name", watcher));
                }
              });
        });
  }

  private Future<String> resolve(String program) {
    return vertx.executeBlocking(() -> Path.of(program).toRealPath().toString(), false);
  }

  private static long modified(FileProps props) {
    return props.lastModifiedTime();
  }
}
