package io.circus.cli.ctl;

import io.circus.process.Signals;
import io.vertx.core.json.JsonObject;
import java.util.Locale;
import java.util.Set;

/**
 * Converts {@code set KEY VALUE} words to the JSON the daemon validates (SPEC §6.3), with
 * circusctl 0.19's rules: integers, floats, booleans ({@code yes/true/on/1},
 * {@code no/false/off/0}), signal names to numbers, {@code hooks} as
 * {@code hook:dotted.name,...}; keys it does not know are refused before anything is sent.
 *
 * <p>{@code env} crashes circusctl 0.19 (it treats the text as a mapping). Here it is
 * {@code NAME=VALUE[,NAME=VALUE...]}, the form {@code get}/{@code options} print, and is sent as
 * the object the daemon expects; values cannot contain commas.
 */
final class SetOptionValues {

  private static final Set<String> INTEGERS = Set.of("numprocesses", "max_retry", "max_age", "max_age_variance");
  private static final Set<String> FLOATS = Set.of("warmup_delay", "retry_in", "graceful_timeout");
  private static final Set<String> BOOLEANS = Set.of("send_hup", "stop_children", "shell", "copy_env", "respawn",
      "singleton", "close_child_stdin", "close_child_stdout", "close_child_stderr");
  private static final Set<String> TEXTS = Set.of("working_dir", "uid", "gid", "cmd", "args");
  private static final Set<String> HOOKS = Set.of("before_start", "after_start", "before_stop", "after_stop",
      "before_spawn", "after_spawn", "before_signal", "after_signal", "before_reap", "after_reap", "extended_stats");

  private SetOptionValues() {
  }

  /** The value to send for {@code key} (already lower-cased). */
  static Object convert(String key, String value) throws ArgumentError {
    if (INTEGERS.contains(key) || key.startsWith("rlimit_")) return PythonNumbers.parseInt(value);
    if (FLOATS.contains(key)) return PythonNumbers.parseFloat(value);
    if (BOOLEANS.contains(key)) return bool(value);
    if (TEXTS.contains(key)) return value;
    if (key.equals("stop_signal")) return signal(value);
    if (key.equals("env")) return environment(value);
    if (key.equals("hooks")) return hooks(value);
    if (key.startsWith("hooks.")) return hookTarget(key.substring("hooks.".length()), value);
    if (key.startsWith("stdout_stream.") || key.startsWith("stderr_stream.")) {
      String setting = key.substring(key.indexOf('.') + 1);
      return setting.equals("max_bytes") || setting.equals("backup_count") ? PythonNumbers.parseInt(value) : value;
    }
    throw new ArgumentError("unknown key " + PythonText.repr(key));
  }

  private static boolean bool(String value) throws ArgumentError {
    switch (value.strip().toLowerCase(Locale.ROOT)) {
      case "yes", "true", "on", "1" -> {
        return true;
      }
      case "no", "false", "off", "0" -> {
        return false;
      }
      default -> throw new ArgumentError(PythonText.repr(value) + " is not a boolean");
    }
  }

  private static int signal(String value) throws ArgumentError {
    try {
      return Signals.parse(value);
    } catch (IllegalArgumentException e) {
      throw new ArgumentError(e.getMessage() + ": " + PythonText.repr(value));
    }
  }

  private static JsonObject environment(String value) throws ArgumentError {
    JsonObject env = new JsonObject();
    for (String pair : value.split(",")) {
      if (pair.isBlank()) continue;
      int equals = pair.indexOf('=');
      if (equals <= 0) {
        throw new ArgumentError("env takes NAME=VALUE[,NAME=VALUE...], not " + PythonText.repr(pair));
      }
      env.put(pair.substring(0, equals).strip(), pair.substring(equals + 1).strip());
    }
    return env;
  }

  private static JsonObject hooks(String value) throws ArgumentError {
    JsonObject hooks = new JsonObject();
    for (String hook : value.split(",")) {
      if (hook.isEmpty()) continue;
      String[] parts = hook.split(":", -1);
      if (parts.length != 2) throw new ArgumentError("hooks take HOOK:dotted.name[,...], not " + PythonText.repr(hook));
      hooks.put(parts[0], hookTarget(parts[0], parts[1]));
    }
    return hooks;
  }

  private static String hookTarget(String hook, String target) throws ArgumentError {
    if (!HOOKS.contains(hook)) throw new ArgumentError("unknown hook " + PythonText.repr(hook));
    return target;
  }
}
