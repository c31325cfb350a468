package io.circus.commands;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Set;

/**
 * Which watcher options a {@code set} or {@code add} message may carry and what type each must
 * have (SPEC.md §6.3), with Circus's errno-3 wording.
 */
final class OptionRules {

  static final Set<String> HOOK_NAMES = Set.of("before_start", "after_start", "before_spawn", "after_spawn",
      "before_stop", "after_stop", "before_signal", "after_signal", "before_reap", "after_reap", "extended_stats");

  private static final Set<String> INTEGERS = Set.of("numprocesses", "max_retry", "max_age", "max_age_variance", "stop_signal");
  private static final Set<String> NUMBERS = Set.of("warmup_delay", "retry_in", "graceful_timeout");
  private static final Set<String> IDENTITIES = Set.of("uid", "gid");
  private static final Set<String> BOOLEANS = Set.of("send_hup", "shell", "copy_env", "respawn", "stop_children",
      "close_child_stdin", "close_child_stdout", "close_child_stderr");
  private static final Set<String> UNCHECKED = Set.of("working_dir", "cmd", "args", "singleton");
  private static final Set<String> STREAMS = Set.of("stdout_stream", "stderr_stream");
  private static final List<String> UNCHECKED_PREFIXES = List.of("stdout_stream.", "stderr_stream.", "hooks.");
  private static final Set<String> RLIMITS = Set.of("as", "core", "cpu", "data", "fsize", "memlock", "msgqueue", "nice",
      "nofile", "nproc", "rss", "rtprio", "rttime", "sigpending", "stack");

  private OptionRules() {
  }

  static void validate(JsonObject options) {
    options.forEach(entry -> validate(entry.getKey(), entry.getValue()));
  }

  static void validate(String key, Object value) {
    if (INTEGERS.contains(key)) {
      if (!(isInteger(value) || value instanceof Boolean)) throw CommandError.invalid(quote(key) + " isn't an integer");
    } else if (NUMBERS.contains(key)) {
      if (!(value instanceof Number)) throw CommandError.invalid(quote(key) + " isn't a number");
    } else if (IDENTITIES.contains(key)) {
      if (!(isInteger(value) || value instanceof String)) throw CommandError.invalid(quote(key) + " isn't an integer or string");
    } else if (BOOLEANS.contains(key)) {
      if (!(value instanceof Boolean)) throw CommandError.invalid(quote(key) + " isn't a valid boolean");
    } else if (key.equals("env")) {
      validateEnv(key, value);
    } else if (key.equals("hooks")) {
      validateHooks(value);
    } else if (STREAMS.contains(key)) {
      if (!(value instanceof JsonObject stream)) throw CommandError.invalid(quote(key) + " isn't a valid object");
      if (!stream.containsKey("class")) throw CommandError.invalid(quote(key) + " must have a 'class' key");
    } else if (key.startsWith("rlimit_")) {
      if (!RLIMITS.contains(key.substring(7).toLowerCase(java.util.Locale.ROOT))) {
        throw CommandError.invalid(quote(key) + " isn't a valid rlimit setting");
      }
      if (value != null && !isInteger(value)) throw CommandError.invalid(PythonRepr.value(value) + " rlimit value isn't a valid int");
    } else if (!UNCHECKED.contains(key) && UNCHECKED_PREFIXES.stream().noneMatch(key::startsWith)) {
      throw CommandError.invalid("unknown key " + quote(key));
    }
  }

  private static void validateEnv(String key, Object value) {
    if (!(value instanceof JsonObject env)) throw CommandError.invalid(quote(key) + " isn't a valid object");
    env.forEach(variable -> {
      if (!(variable.getValue() instanceof String)) throw CommandError.invalid(quote(variable.getKey()) + " isn't a string");
    });
  }

  private static void validateHooks(Object value) {
    if (!(value instanceof JsonObject hooks)) throw CommandError.invalid(PythonRepr.value(value) + " isn't a valid hook dict");
    for (String name : hooks.fieldNames()) {
      if (!HOOK_NAMES.contains(name)) throw CommandError.invalid("Unknown hook " + PythonRepr.value(hooks));
    }
  }

  static boolean isInteger(Object value) {
    return value instanceof Integer || value instanceof Long
        || (value instanceof Number n && !(value instanceof Double || value instanceof Float) && n.longValue() == n.doubleValue());
  }

  static int integer(Object value) {
    return value instanceof Boolean b ? (b ? 1 : 0) : ((Number) value).intValue();
  }

  private static String quote(String key) {
    return PythonRepr.string(key);
  }

  /** JSON list of strings, or a text, as an args value. */
  static boolean isArgs(Object value) {
    return value == null || value instanceof String || value instanceof JsonArray;
  }
}
