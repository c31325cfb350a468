package io.circus.commands;

import io.circus.arbiter.HookLoader;
import io.circus.config.CommandArgs;
import io.circus.config.HookSpec;
import io.circus.config.StreamSpec;
import io.circus.config.WatcherSpec;
import io.circus.process.Accounts;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Applies one validated option of a {@code set} or {@code add} message to a watcher spec. Unlike
 * Circus, which accepts {@code respawn}, {@code max_retry}, {@code copy_env}, {@code singleton},
 * {@code close_child_*} and {@code rlimit_*} but ignores them, every option is applied; those
 * take effect for the processes started from then on.
 */
final class OptionChanges {

  /** A spec after one option, and what the running watcher must do about it. */
  record Change(WatcherSpec spec, FollowUp followUp) {
  }

  /**
   * A spec after all the options of a message, in order: the keys applied, what the watcher must
   * do, and the error that stopped the application (null if none); the keys before it stay applied.
   */
  record Applied(WatcherSpec spec, FollowUp followUp, List<String> keys, CommandError failure) {
  }

  /** Applies every option in order. May resolve user and group names: call it off the event loops. */
  static Applied applyAll(WatcherSpec spec, JsonObject options) {
    List<String> keys = new ArrayList<>();
    FollowUp followUp = FollowUp.NONE;
    for (String key : options.fieldNames()) {
      Change change;
      try {
        change = apply(spec, key, options.getValue(key));
      } catch (CommandError e) {
        return new Applied(spec, followUp, keys, e);
      }
      spec = change.spec();
      followUp = followUp.and(change.followUp());
      keys.add(key);
    }
    return new Applied(spec, followUp, keys, null);
  }

  private OptionChanges() {
  }

  static Change apply(WatcherSpec spec, String key, Object value) {
    WatcherSpec.Builder b = spec.toBuilder();
    switch (key) {
      case "numprocesses" -> {
        int count = Math.max(0, OptionRules.integer(value));
        if (spec.singleton() && count > 1) throw CommandError.failed("Singleton watcher has a single process");
        return new Change(b.numprocesses(count).build(), FollowUp.MANAGE);
      }
      case "warmup_delay" -> {
        return new Change(b.warmupDelay(((Number) value).doubleValue()).build(), FollowUp.MANAGE);
      }
      case "working_dir" -> {
        return new Change(b.workingDir(value == null ? null : value.toString()).build(), FollowUp.RELOAD);
      }
      case "shell" -> {
        return new Change(b.shell((Boolean) value).build(), FollowUp.RELOAD);
      }
      case "env" -> {
        Map<String, String> env = new LinkedHashMap<>();
        ((JsonObject) value).forEach(e -> env.put(e.getKey(), (String) e.getValue()));
        return new Change(b.env(env).build(), FollowUp.RELOAD);
      }
      case "cmd" -> {
        return new Change(b.cmd(String.valueOf(value)).build(), FollowUp.RELOAD);
      }
      case "args" -> {
        return new Change(b.args(args(value)).build(), FollowUp.RELOAD);
      }
      case "uid" -> {
        return new Change(b.uid(Integer.toString(account(value, true))).build(), FollowUp.RELOAD);
      }
      case "gid" -> {
        return new Change(b.gid(Integer.toString(account(value, false))).build(), FollowUp.RELOAD);
      }
      case "max_age" -> {
        return new Change(b.maxAge(OptionRules.integer(value)).build(), FollowUp.RELOAD);
      }
      case "max_age_variance" -> {
        return new Change(b.maxAgeVariance(OptionRules.integer(value)).build(), FollowUp.RELOAD);
      }
      case "send_hup" -> {
        return new Change(b.sendHup((Boolean) value).build(), FollowUp.MANAGE);
      }
      case "stop_signal" -> {
        return new Change(b.stopSignal(OptionRules.integer(value)).build(), FollowUp.MANAGE);
      }
      case "stop_children" -> {
        return new Change(b.stopChildren((Boolean) value).build(), FollowUp.MANAGE);
      }
      case "graceful_timeout" -> {
        return new Change(b.gracefulTimeout(((Number) value).doubleValue()).build(), FollowUp.MANAGE);
      }
      case "copy_env" -> {
        return new Change(b.copyEnv((Boolean) value).build(), FollowUp.NONE);
      }
      case "max_retry" -> {
        return new Change(b.maxRetry(OptionRules.integer(value)).build(), FollowUp.NONE);
      }
      case "respawn" -> {
        return new Change(b.respawn((Boolean) value).build(), FollowUp.MANAGE);
      }
      case "singleton" -> {
        boolean singleton = Props.truthy(value);
        if (singleton && spec.numprocesses() > 1) throw CommandError.failed("Singleton watcher has a single process");
        return new Change(b.singleton(singleton).build(), FollowUp.NONE);
      }
      case "close_child_stdin" -> {
        return new Change(b.closeChildStdin((Boolean) value).build(), FollowUp.NONE);
      }
      case "close_child_stdout" -> {
        return new Change(b.closeChildStdout((Boolean) value).build(), FollowUp.NONE);
      }
      case "close_child_stderr" -> {
        return new Change(b.closeChildStderr((Boolean) value).build(), FollowUp.NONE);
      }
      case "stdout_stream" -> {
        return new Change(b.stdoutStream(stream((JsonObject) value)).build(), newStream(spec.stdoutStream()));
      }
      case "stderr_stream" -> {
        return new Change(b.stderrStream(stream((JsonObject) value)).build(), newStream(spec.stderrStream()));
      }
      case "hooks" -> {
        ((JsonObject) value).forEach(e -> b.hook(e.getKey(), hook(e.getValue())));
        return new Change(b.build(), FollowUp.MANAGE);
      }
      default -> {
        return prefixed(spec, b, key, value);
      }
    }
  }

  private static Change prefixed(WatcherSpec spec, WatcherSpec.Builder b, String key, Object value) {
    if (key.startsWith("stdout_stream.")) {
      return new Change(b.stdoutStream(streamWith(spec.stdoutStream(), key.substring(14), value)).build(),
          newStream(spec.stdoutStream()));
    }
    if (key.startsWith("stderr_stream.")) {
      return new Change(b.stderrStream(streamWith(spec.stderrStream(), key.substring(14), value)).build(),
          newStream(spec.stderrStream()));
    }
    if (key.startsWith("hooks.")) {
      return new Change(b.hook(key.substring(6), hook(value)).build(), FollowUp.MANAGE);
    }
    if (key.startsWith("rlimit_")) {
      Long limit = value == null ? null : ((Number) value).longValue();
      return new Change(b.rlimit(key.substring(7).toLowerCase(Locale.ROOT), limit).build(), FollowUp.NONE);
    }
    // retry_in and the like: kept as a free-form option, for plugins to read.
    return new Change(b.freeOption(key, String.valueOf(value)).build(), FollowUp.NONE);
  }

  static CommandArgs args(Object value) {
    if (value == null) return CommandArgs.NONE;
    if (value instanceof JsonArray list) return new CommandArgs.Words(list.stream().map(String::valueOf).toList());
    return new CommandArgs.Text(value.toString());
  }

  private static int account(Object value, boolean user) {
    if (OptionRules.isInteger(value)) return OptionRules.integer(value);
    try {
      return user ? Accounts.userId(value.toString()) : Accounts.groupId(value.toString());
    } catch (IllegalArgumentException e) {
      throw CommandError.failed(PythonRepr.string(value.toString()) + " isn't a valid " + (user ? "user" : "group") + " name");
    }
  }

  private static StreamSpec stream(JsonObject value) {
    Map<String, String> options = new LinkedHashMap<>();
    value.forEach(e -> {
      if (!e.getKey().equals("class")) options.put(e.getKey(), String.valueOf(e.getValue()));
    });
    return new StreamSpec(String.valueOf(value.getValue("class")), options);
  }

  private static StreamSpec streamWith(StreamSpec current, String key, Object value) {
    String className = current == null ? "FileStream" : current.className();
    Map<String, String> options = current == null ? new LinkedHashMap<>() : new LinkedHashMap<>(current.options());
    if (key.equals("class")) {
      className = String.valueOf(value);
    } else {
      options.put(key, String.valueOf(value));
    }
    return new StreamSpec(className, options);
  }

  private static FollowUp newStream(StreamSpec before) {
    return before == null ? FollowUp.RELOAD : FollowUp.NONE;
  }

  /** {@code "dotted.Name"} or {@code "dotted.Name,true"} (true: ignore its failures). */
  /** The hook a {@code set}/{@code add} names; a class that cannot be loaded fails the request, as in Circus. */
  private static HookSpec hook(Object value) {
    List<String> parts = List.of(String.valueOf(value).split(",", 2));
    boolean ignoreFailure = parts.size() > 1 && List.of("true", "yes", "on", "1").contains(parts.get(1).strip().toLowerCase(Locale.ROOT));
    String className = parts.get(0).strip();
    try {
      HookLoader.load(className);
    } catch (IllegalArgumentException unusable) {
      throw CommandError.failed("expected " + unusable.getMessage());
    }
    return new HookSpec(className, ignoreFailure);
  }
}
