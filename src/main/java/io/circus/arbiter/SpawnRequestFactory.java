package io.circus.arbiter;

import io.circus.config.CommandArgs;
import io.circus.config.Placeholders;
import io.circus.config.ShellWords;
import io.circus.config.WatcherSpec;
import io.circus.process.SpawnRequest;
import io.circus.process.Stdio;
import io.circus.sockets.CircusSockets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Turns a watcher spec into the request that starts its process number {@code wid}: the command
 * line with its {@code $(circus.*)} variables replaced then split like a shell (SPEC.md §7.4),
 * the environment, the identity, limits, standard streams and sockets.
 */
final class SpawnRequestFactory {

  static final String SHELL = "/bin/sh";

  private final Map<String, String> daemonEnvironment;
  private final CircusSockets sockets;

  SpawnRequestFactory(Map<String, String> daemonEnvironment, CircusSockets sockets) {
    this.daemonEnvironment = Map.copyOf(daemonEnvironment);
    this.sockets = sockets;
  }

  /** @throws IllegalArgumentException when the command is empty or uses a socket that is not bound */
  SpawnRequest build(WatcherSpec spec, int wid) {
    Map<String, String> env = spec.childEnvironment(daemonEnvironment);
    ChildSockets childSockets = ChildSockets.of(spec, sockets);
    Map<String, Object> variables = variables(spec, wid, env);
    variables.putAll(childSockets.placeholders());
    List<String> argv;
    String program;
    if (spec.shell()) {
      argv = new ArrayList<>(List.of(SHELL, "-c", shellScript(spec, variables)));
      if (spec.shellArgs() != null) {
        argv.addAll(expand(spec.shellArgs(), variables));
      }
      program = spec.executable() != null ? spec.executable() : SHELL;
    } else {
      argv = new ArrayList<>(ShellWords.split(Placeholders.replace(spec.cmd(), variables)));
      argv.addAll(expand(spec.args(), variables));
      if (argv.isEmpty()) {
        throw new IllegalArgumentException("the command of watcher '" + spec.name() + "' is empty");
      }
      program = spec.executable();
    }
    return new SpawnRequest(argv, program, env, spec.workingDir(), spec.uid(), spec.gid(), spec.umask(),
        spec.rlimits(), childSockets.stdin().orElse(spec.closeChildStdin() ? Stdio.NULL : Stdio.INHERIT),
        output(spec.closeChildStdout(), spec.stdoutStream() != null), output(spec.closeChildStderr(), spec.stderrStream() != null),
        childSockets.passed());
  }

  /** As in Circus: closed means /dev/null, a stream means a pipe, none means circusd's own. */
  private static Stdio output(boolean closed, boolean streamed) {
    return closed ? Stdio.NULL : streamed ? Stdio.PIPE : Stdio.INHERIT;
  }

  /**
   * The script {@code sh -c} runs: the command as written, then the args (a text as written, words
   * quoted). Circus 0.19 splits the command and quotes every word, so shell syntax ({@code |},
   * {@code >}, {@code &&}, {@code $VAR}) never works there although the option promises a shell;
   * here it does, and commands without shell syntax run the same either way.
   */
  private static String shellScript(WatcherSpec spec, Map<String, Object> variables) {
    StringBuilder script = new StringBuilder(Placeholders.replace(spec.cmd(), variables));
    if (spec.args() instanceof CommandArgs.Text text) {
      String args = Placeholders.replace(text.text(), variables);
      if (!args.isBlank()) {
        script.append(' ').append(args);
      }
    } else {
      for (String word : expand(spec.args(), variables)) {
        script.append(' ').append(ShellWords.quote(word));
      }
    }
    return script.toString();
  }

  private static List<String> expand(CommandArgs args, Map<String, Object> variables) {
    if (args instanceof CommandArgs.Text text) {
      return ShellWords.split(Placeholders.replace(text.text(), variables));
    }
    return ((CommandArgs.Words) args).words().stream().map(w -> Placeholders.replace(w, variables)).toList();
  }

  /** What {@code $(circus.X)} may name: the wid, the environment, and the watcher's options. */
  private static Map<String, Object> variables(WatcherSpec spec, int wid, Map<String, String> env) {
    Map<String, Object> vars = new LinkedHashMap<>();
    vars.put("name", spec.name());
    vars.put("cmd", spec.cmd());
    vars.put("numprocesses", spec.numprocesses());
    vars.put("shell", pythonBool(spec.shell()));
    vars.put("working_dir", spec.workingDir());
    vars.put("uid", spec.uid());
    vars.put("gid", spec.gid());
    vars.put("executable", spec.executable());
    vars.put("priority", spec.priority());
    vars.put("max_retry", spec.maxRetry());
    vars.put("graceful_timeout", spec.gracefulTimeout());
    vars.put("max_age", spec.maxAge());
    vars.put("max_age_variance", spec.maxAgeVariance());
    vars.values().removeIf(v -> v == null);
    env.forEach((key, value) -> vars.put("env." + key.toLowerCase(Locale.ROOT), value));
    vars.put("wid", wid);
    return vars;
  }

  /** Circus formats options with Python's str(), so booleans read True/False. */
  private static String pythonBool(boolean value) {
    return value ? "True" : "False";
  }
}
