package io.circus.config;

import io.circus.process.Signals;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A {@code [watcher:NAME]} section into a {@link WatcherSpec}, with Circus's defaults. Keys that are
 * not watcher options are kept as free-form options (plugins read them, e.g.
 * {@code flapping.max_retry}); one without a dot is likely a misspelt option and gets a warning.
 */
final class WatcherSectionReader {

  private static final List<String> RLIMITS = List.of("as", "core", "cpu", "data", "fsize", "memlock", "msgqueue",
      "nice", "nofile", "nproc", "rss", "rtprio", "rttime", "sigpending", "stack");
  private static final List<String> HOOKS = List.of("before_start", "after_start", "before_spawn", "after_spawn",
      "before_stop", "after_stop", "before_signal", "after_signal", "before_reap", "after_reap", "extended_stats");
  private static final String RLIMIT = "rlimit_";
  private static final String HOOK = "hooks.";
  private static final String STDOUT = "stdout_stream";
  private static final String STDERR = "stderr_stream";
  private static final String CHECK_FLAPPING = "check_flapping";
  private static final WatcherSpec DEFAULTS = WatcherSpec.builder("defaults").cmd("").build();
  // Python's resource module spells "unlimited" as -1 (RLIM_INFINITY).
  private static final long RLIM_INFINITY = -1;

  private WatcherSectionReader() {
  }

  /**
   * @param sockets the sockets the configuration defines
   * @return empty when the section has errors (recorded in the diagnostics)
   */
  static Optional<WatcherSpec> read(String name, SectionOptions o, Map<String, String> env, DeclaredSockets sockets) {
    int errorsBefore = errorCount(o);
    WatcherSpec.Builder b = WatcherSpec.builder(name).source(o.origin()).env(env);
    readCommand(o, b);
    readEnvironmentOptions(o, b);
    readProcessOptions(o, b);
    readStdinSocket(o, sockets, b);
    checkSocketPlaceholders(o, sockets.names());
    readPrefixedAndFreeForm(o, b);
    if (errorCount(o) != errorsBefore) return Optional.empty();
    WatcherSpec spec = b.build();
    checkSocketUse(o, spec, sockets.names());
    return errorCount(o) == errorsBefore ? Optional.of(spec) : Optional.empty();
  }

  private static void readCommand(SectionOptions o, WatcherSpec.Builder b) {
    String cmd = o.text("cmd", "");
    if (cmd.isBlank()) o.invalid("cmd", "the command to run (cmd) is required and must not be empty");
    b.cmd(cmd);
    o.text("args").ifPresent(args -> b.args(new CommandArgs.Text(args)));
    boolean shell = o.value("shell", DEFAULTS.shell(), Values::bool);
    b.shell(shell);
    o.text("shell_args").ifPresent(args -> b.shellArgs(new CommandArgs.Text(args)));
    if (o.has("shell_args") && !shell) o.diagnostics().warn("[" + o.sectionName() + "] shell_args is ignored without shell = true");
    List.of("cmd", "args", "shell_args").forEach(key -> checkWords(o, key));
    b.executable(o.text("executable", null)).workingDir(o.text("working_dir", null));
  }

  private static void readEnvironmentOptions(SectionOptions o, WatcherSpec.Builder b) {
    boolean copyEnv = o.value("copy_env", DEFAULTS.copyEnv(), Values::bool);
    boolean copyPath = o.value("copy_path", DEFAULTS.copyPath(), Values::bool);
    String virtualenv = o.text("virtualenv", null);
    b.copyEnv(copyEnv).copyPath(copyPath).virtualenv(virtualenv).virtualenvPyVer(o.text("virtualenv_py_ver", null));
    requireCopyEnv(o, "copy_path", !copyPath || copyEnv);
    requireCopyEnv(o, "virtualenv", virtualenv == null || copyEnv);
    if (o.has("virtualenv_py_ver") && virtualenv == null) {
      o.diagnostics().warn("[" + o.sectionName() + "] virtualenv_py_ver has no effect without virtualenv");
    }
  }

  private static void readProcessOptions(SectionOptions o, WatcherSpec.Builder b) {
    WatcherSpec d = DEFAULTS;
    int numprocesses = o.value("numprocesses", d.numprocesses(), v -> Values.integer(v, 0, Integer.MAX_VALUE));
    boolean singleton = o.value("singleton", d.singleton(), Values::bool);
    if (singleton && numprocesses > 1) o.invalid("numprocesses", "at most 1 for a singleton watcher");
    b.numprocesses(numprocesses).singleton(singleton)
        .uid(o.text("uid", null)).gid(o.text("gid", null))
        .umask(o.value("umask", null, Values::octal))
        // Circus's reader wants an int here; a fraction of a second is accepted (WatcherSpec and `set` take one).
        .warmupDelay(o.value("warmup_delay", d.warmupDelay(), v -> Values.number(v, 0)))
        .autostart(o.value("autostart", d.autostart(), Values::bool))
        .respawn(o.value("respawn", d.respawn(), Values::bool))
        .maxRetry(o.value("max_retry", d.maxRetry(), v -> Values.integer(v, -1, Integer.MAX_VALUE)))
        .gracefulTimeout(o.value("graceful_timeout", d.gracefulTimeout(), v -> Values.number(v, 0)))
        .stopSignal(o.value("stop_signal", d.stopSignal(), WatcherSectionReader::signal))
        .stopChildren(o.value("stop_children", d.stopChildren(), Values::bool))
        .sendHup(o.value("send_hup", d.sendHup(), Values::bool))
        .priority(o.value("priority", d.priority(), v -> Values.integer(v, Integer.MIN_VALUE, Integer.MAX_VALUE)))
        .maxAge(o.value("max_age", d.maxAge(), v -> Values.integer(v, 0, Integer.MAX_VALUE)))
        .maxAgeVariance(o.value("max_age_variance", d.maxAgeVariance(), v -> Values.integer(v, 0, Integer.MAX_VALUE)))
        .useSockets(o.value("use_sockets", d.useSockets(), Values::bool))
        .onDemand(o.value("on_demand", d.onDemand(), Values::bool))
        .closeChildStdin(o.value("close_child_stdin", d.closeChildStdin(), Values::bool))
        .closeChildStdout(o.value("close_child_stdout", d.closeChildStdout(), Values::bool))
        .closeChildStderr(o.value("close_child_stderr", d.closeChildStderr(), Values::bool))
        .usePapa(o.value("use_papa", d.usePapa(), Values::bool))
        .hooksTimeout(o.value("hooks_timeout", d.hooksTimeout(), WatcherSectionReader::hooksTimeout));
  }

  private static void readPrefixedAndFreeForm(SectionOptions o, WatcherSpec.Builder b) {
    List<IniOption> stdout = new ArrayList<>();
    List<IniOption> stderr = new ArrayList<>();
    List<IniOption> rest = new ArrayList<>(o.unreadOwn());
    rest.addAll(o.unreadInherited());
    for (IniOption option : rest) {
      String key = option.key();
      if (key.startsWith(STDOUT + ".")) stdout.add(option);
      else if (key.startsWith(STDERR + ".")) stderr.add(option);
      else if (key.equals(STDOUT) || key.equals(STDERR)) o.invalid(option, key + ".<setting>, such as " + key + ".class");
      else if (key.startsWith(RLIMIT)) readRlimit(o, option, b);
      else if (key.startsWith(HOOK)) readHook(o, option, b);
      // Circus parses check_flapping as a boolean and keeps it among the free-form options.
      else if (key.equals(CHECK_FLAPPING)) b.freeOption(key, String.valueOf(o.parse(option, true, Values::bool)));
      else readFreeForm(o, option, b);
    }
    StreamSpecReader.read(STDOUT, stdout, o).ifPresent(b::stdoutStream);
    StreamSpecReader.read(STDERR, stderr, o).ifPresent(b::stderrStream);
  }

  private static void readRlimit(SectionOptions o, IniOption option, WatcherSpec.Builder b) {
    String limit = option.key().substring(RLIMIT.length()).toLowerCase(Locale.ROOT);
    if (!RLIMITS.contains(limit)) {
      o.invalid(option, "a resource limit rlimit_<name> with name one of " + String.join(", ", RLIMITS));
      return;
    }
    Long value = o.parse(option, null, v -> v.isBlank() ? null : Values.integer(v, RLIM_INFINITY, Long.MAX_VALUE));
    b.rlimit(limit, value == null || value == RLIM_INFINITY ? null : value);
  }

  private static void readHook(SectionOptions o, IniOption option, WatcherSpec.Builder b) {
    String hook = option.key().substring(HOOK.length());
    if (!HOOKS.contains(hook)) {
      o.invalid(option, "a hook hooks.<name> with name one of " + String.join(", ", HOOKS));
      return;
    }
    HookSpec spec = o.parse(option, null, WatcherSectionReader::hook);
    if (spec != null) b.hook(hook, spec);
  }

  private static void readFreeForm(SectionOptions o, IniOption option, WatcherSpec.Builder b) {
    b.freeOption(option.key(), o.valueOf(option));
    if (option.key().indexOf('.') < 0) {
      o.diagnostics().warn(option.file() + ":" + option.line() + " [" + o.sectionName() + "] '" + option.key()
          + "' is not a watcher option: kept as a free-form option (misspelt?)");
    }
  }

  /** {@code class[, ignore_failure]}. */
  private static HookSpec hook(String value) {
    String[] parts = value.split(",", 2);
    try {
      String className = Values.className(parts[0]);
      return new HookSpec(className, parts.length > 1 && Values.bool(parts[1]));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("a hook class name, optionally followed by ', true' to ignore its failures");
    }
  }

  private static double hooksTimeout(String value) {
    double seconds = Values.number(value, 0);
    if (seconds <= 0) throw new IllegalArgumentException("a number of seconds more than 0");
    return seconds;
  }

  private static int signal(String value) {
    int signal;
    try {
      signal = Signals.parse(value.strip());
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("a signal name or number such as TERM, SIGINT or 15 (" + e.getMessage() + ")");
    }
    if (!Signals.isValid(signal)) throw new IllegalArgumentException("a signal number from 1 to 64");
    return signal;
  }

  private static void requireCopyEnv(SectionOptions o, String key, boolean satisfied) {
    if (!satisfied) o.invalid(key, key + " needs copy_env = true");
  }

  private static void readStdinSocket(SectionOptions o, DeclaredSockets sockets, WatcherSpec.Builder b) {
    o.text("stdin_socket").ifPresent(socket -> {
      String name = socket.strip().toLowerCase(Locale.ROOT);
      if (!sockets.names().contains(name)) o.invalid("stdin_socket", undefinedSocket(sockets.names()));
      // Such a socket is bound anew for each process as it is passed, which fd 0 is not.
      if (sockets.reusePort().contains(name)) o.invalid("stdin_socket", "a socket without so_reuseport");
      b.stdinSocket(name);
    });
  }

  /**
   * An on-demand watcher must have a socket to wait on; a socket in the command line is only there
   * with {@code use_sockets} (Circus's test configurations leave it out, so that is a warning).
   */
  private static void checkSocketUse(SectionOptions o, WatcherSpec spec, Set<String> sockets) {
    if (spec.onDemand() && spec.socketsUsed(sockets).isEmpty()) {
      o.invalid("on_demand", "false, or a socket whose first connection starts the processes: name one with "
          + "$(circus.sockets.NAME) in cmd or args, set stdin_socket, or set use_sockets = true with a [socket:NAME] section");
    }
    Set<String> inCommand = spec.commandSockets();
    if (!spec.useSockets() && !inCommand.isEmpty()) {
      o.diagnostics().warn("[" + o.sectionName() + "] the command names socket(s) " + String.join(", ", inCommand)
          + " but use_sockets is false: the processes do not get them (set use_sockets = true)");
    }
  }

  private static void checkSocketPlaceholders(SectionOptions o, Set<String> sockets) {
    for (String key : List.of("cmd", "args")) {
      o.text(key).ifPresent(text -> {
        if (!sockets.containsAll(Placeholders.socketNames(text))) o.invalid(key, undefinedSocket(sockets) + " in $(circus.sockets.NAME)");
      });
    }
  }

  private static String undefinedSocket(Set<String> sockets) {
    return "the name of a [socket:NAME] section (" + (sockets.isEmpty() ? "none is defined" : "defined: " + String.join(", ", sockets)) + ")";
  }

  private static void checkWords(SectionOptions o, String key) {
    o.text(key).ifPresent(text -> {
      try {
        ShellWords.split(text);
      } catch (IllegalArgumentException e) {
        o.invalid(key, "words split like a POSIX shell: " + e.getMessage());
      }
    });
  }

  private static int errorCount(SectionOptions o) {
    return o.diagnostics().errorCount();
  }
}
