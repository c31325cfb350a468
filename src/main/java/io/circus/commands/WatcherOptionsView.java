package io.circus.commands;

import io.circus.config.CommandArgs;
import io.circus.config.StreamSpec;
import io.circus.config.WatcherSpec;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.Map;
import java.util.TreeMap;

/**
 * A watcher's options as {@code options} and {@code get} report them (SPEC.md §6.1): every option
 * Circus exposes plus the free-form ones, keys sorted. Watchers made from the configuration file
 * report unset {@code args}/{@code env}/streams as Circus does for them ({@code ""}, {@code {}}),
 * watchers made by {@code add} as {@code null}. (Circus's {@code __name__} entry is not
 * reproduced: it is a leak of its INI parser that no client reads.)
 */
final class WatcherOptionsView {

  private WatcherOptionsView() {
  }

  static JsonObject of(WatcherSpec spec, String daemonWorkingDir) {
    boolean fromFile = spec.source() != null;
    Map<String, Object> options = new TreeMap<>();
    options.put("args", args(spec.args(), fromFile));
    options.put("close_child_stderr", spec.closeChildStderr());
    options.put("close_child_stdin", spec.closeChildStdin());
    options.put("close_child_stdout", spec.closeChildStdout());
    options.put("cmd", spec.cmd());
    options.put("copy_env", spec.copyEnv());
    options.put("env", spec.env().isEmpty() && !fromFile ? null : new JsonObject(Map.copyOf(spec.env())));
    options.put("executable", spec.executable());
    options.put("gid", spec.gid());
    options.put("graceful_timeout", spec.gracefulTimeout());
    options.put("max_age", spec.maxAge());
    options.put("max_age_variance", spec.maxAgeVariance());
    options.put("max_retry", spec.maxRetry());
    options.put("numprocesses", spec.numprocesses());
    options.put("on_demand", spec.onDemand());
    options.put("priority", spec.priority());
    options.put("respawn", spec.respawn());
    options.put("send_hup", spec.sendHup());
    options.put("shell", spec.shell());
    options.put("shell_args", spec.shellArgs() == null ? null : args(spec.shellArgs(), true));
    options.put("singleton", spec.singleton());
    options.put("stderr_stream_conf", stream(spec.stderrStream(), fromFile));
    options.put("stdout_stream_conf", stream(spec.stdoutStream(), fromFile));
    options.put("stop_children", spec.stopChildren());
    options.put("stop_signal", spec.stopSignal());
    options.put("uid", spec.uid());
    options.put("use_sockets", spec.useSockets());
    options.put("warmup_delay", spec.warmupDelay());
    options.put("working_dir", spec.workingDir() != null ? spec.workingDir() : daemonWorkingDir);
    spec.freeOptions().forEach(options::putIfAbsent);
    JsonObject json = new JsonObject();
    options.forEach(json::put);
    return json;
  }

  private static Object args(CommandArgs args, boolean fromFile) {
    if (args instanceof CommandArgs.Words words) return new JsonArray(words.words());
    String text = ((CommandArgs.Text) args).text();
    return text.isEmpty() && !fromFile ? null : text;
  }

  private static Object stream(StreamSpec stream, boolean fromFile) {
    if (stream == null) return fromFile ? new JsonObject() : null;
    JsonObject json = new JsonObject();
    stream.options().forEach(json::put);
    return json;
  }
}
