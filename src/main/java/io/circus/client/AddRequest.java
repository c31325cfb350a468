package io.circus.client;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;

/**
 * A watcher to create with {@code add} (SPEC §3.18): {@code cmd} is the command line,
 * {@code args} optional extra arguments, {@code options} watcher options by their wire names
 * ({@code numprocesses}, {@code env}, ...); {@code start} starts it at once, {@code waiting}
 * answers once it started.
 */
public record AddRequest(String name, String cmd, List<String> args, JsonObject options, boolean start,
    boolean waiting) {

  public static AddRequest of(String name, String cmd) {
    return new AddRequest(name, cmd, null, null, false, false);
  }

  public AddRequest withArgs(List<String> newArgs) {
    return new AddRequest(name, cmd, newArgs, options, start, waiting);
  }

  public AddRequest withOptions(JsonObject newOptions) {
    return new AddRequest(name, cmd, args, newOptions, start, waiting);
  }

  /** Start the watcher once created; {@code waitForStart} answers only when it is running. */
  public AddRequest started(boolean waitForStart) {
    return new AddRequest(name, cmd, args, options, true, waitForStart);
  }

  JsonObject properties() {
    JsonObject properties = new JsonObject().put("name", name).put("cmd", cmd);
    if (args != null) properties.put("args", new JsonArray(List.copyOf(args)));
    if (options != null) properties.put("options", options);
    return properties.put("start", start).put("waiting", waiting);
  }
}
