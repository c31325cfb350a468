package io.circus.config;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * Everything that defines a watcher: a command run as {@code numprocesses} processes. Immutable;
 * built by the configuration loader from a {@code [watcher:NAME]} section, by the {@code add}
 * command, or from code through {@link #builder(String)}. Defaults are Circus's (SPEC.md §6.1).
 *
 * <p>{@code env} holds the variables configured for the watcher ({@code [env]} sections and the
 * spec's own); with {@code copyEnv} the children also get circusd's environment underneath, see
 * {@link #childEnvironment(Map)}. {@code rlimits} maps a lower-case limit name ({@code nofile},
 * {@code core}, ...) to its value, {@code null} meaning unlimited. {@code freeOptions} keeps the
 * section's keys that are not watcher options (for plugins, e.g. {@code flapping.attempts}).
 * {@code hooksTimeout} bounds each hook run, in seconds.
 * {@code source} tells where the spec came from: {@code file:line} of its section header for a
 * configuration file, or null.
 */
public record WatcherSpec(
    String name,
    String cmd,
    CommandArgs args,
    boolean shell,
    CommandArgs shellArgs,
    String executable,
    String workingDir,
    String uid,
    String gid,
    Integer umask,
    boolean copyEnv,
    boolean copyPath,
    Map<String, String> env,
    Map<String, Long> rlimits,
    int numprocesses,
    double warmupDelay,
    boolean autostart,
    boolean respawn,
    int maxRetry,
    double gracefulTimeout,
    int stopSignal,
    boolean stopChildren,
    boolean sendHup,
    int priority,
    boolean singleton,
    int maxAge,
    int maxAgeVariance,
    boolean useSockets,
    boolean onDemand,
    String stdinSocket,
    boolean closeChildStdin,
    boolean closeChildStdout,
    boolean closeChildStderr,
    StreamSpec stdoutStream,
    StreamSpec stderrStream,
    Map<String, HookSpec> hooks,
    double hooksTimeout,
    String virtualenv,
    String virtualenvPyVer,
    boolean usePapa,
    Map<String, String> freeOptions,
    String source) {

  public static final int SIGTERM = 15;
  /** Seconds a hook may run before it counts as failed (not a Circus option: its hooks have no limit). */
  public static final double DEFAULT_HOOKS_TIMEOUT = 30.0;

  public WatcherSpec {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(cmd, "cmd");
    args = args == null ? CommandArgs.NONE : args;
    env = unmodifiableCopy(env);
    rlimits = unmodifiableCopy(rlimits);
    hooks = unmodifiableCopy(hooks);
    freeOptions = unmodifiableCopy(freeOptions);
    if (numprocesses < 0) throw new IllegalArgumentException("numprocesses must be >= 0, got " + numprocesses);
    if (singleton && numprocesses > 1) {
      throw new IllegalArgumentException("a singleton watcher cannot have more than one process (numprocesses = " + numprocesses + ")");
    }
    if (maxRetry < -1) throw new IllegalArgumentException("max_retry must be -1 or more, got " + maxRetry);
    if (!(hooksTimeout > 0)) throw new IllegalArgumentException("hooks_timeout must be more than 0, got " + hooksTimeout);
  }

  /** The environment a child gets: circusd's own first when {@code copyEnv}, then {@code env}. */
  public Map<String, String> childEnvironment(Map<String, String> daemonEnvironment) {
    Map<String, String> result = new LinkedHashMap<>();
    if (copyEnv) result.putAll(daemonEnvironment);
    result.putAll(env);
    return result;
  }

  /** The sockets {@code cmd} and {@code args} name with {@code $(circus.sockets.NAME)}, lower-cased. */
  public Set<String> commandSockets() {
    Set<String> names = new TreeSet<>(Placeholders.socketNames(cmd));
    if (args instanceof CommandArgs.Text text) {
      names.addAll(Placeholders.socketNames(text.text()));
    } else {
      ((CommandArgs.Words) args).words().forEach(word -> names.addAll(Placeholders.socketNames(word)));
    }
    return names;
  }

  /**
   * The sockets each process inherits as fds 3, 4, ... (in this order): none without
   * {@code useSockets}; with it, those the command names, or every one of {@code defined} when it
   * names none.
   */
  public Set<String> inheritedSockets(Set<String> defined) {
    if (!useSockets) return Set.of();
    Set<String> named = commandSockets();
    return named.isEmpty() ? new TreeSet<>(defined) : named;
  }

  /**
   * Every socket the processes hold: the inherited ones and {@code stdinSocket}. An on_demand
   * watcher starts at the first connection to one of them.
   */
  public Set<String> socketsUsed(Set<String> defined) {
    Set<String> used = new TreeSet<>(inheritedSockets(defined));
    if (stdinSocket != null) used.add(stdinSocket.toLowerCase(Locale.ROOT));
    return used;
  }

  public static Builder builder(String name) {
    return new Builder(name);
  }

  public Builder toBuilder() {
    return new Builder(this);
  }

  private static <K, V> Map<K, V> unmodifiableCopy(Map<K, V> map) {
    // LinkedHashMap keeps configuration order (and admits null values, which rlimits need).
    return map == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(map));
  }

  /** Builds a spec from Circus's defaults; every setter returns the builder. */
  public static final class Builder {
    private String name;
    private String cmd;
    private CommandArgs args = CommandArgs.NONE;
    private boolean shell;
    private CommandArgs shellArgs;
    private String executable;
    private String workingDir;
    private String uid;
    private String gid;
    private Integer umask;
    private boolean copyEnv;
    private boolean copyPath;
    private Map<String, String> env = new LinkedHashMap<>();
    private Map<String, Long> rlimits = new LinkedHashMap<>();
    private int numprocesses = 1;
    private double warmupDelay;
    private boolean autostart = true;
    private boolean respawn = true;
    private int maxRetry = 5;
    private double gracefulTimeout = 30.0;
    private int stopSignal = SIGTERM;
    private boolean stopChildren;
    private boolean sendHup;
    private int priority;
    private boolean singleton;
    private int maxAge;
    private int maxAgeVariance = 30;
    private boolean useSockets;
    private boolean onDemand;
    private String stdinSocket;
    private boolean closeChildStdin = true;
    private boolean closeChildStdout;
    private boolean closeChildStderr;
    private StreamSpec stdoutStream;
    private StreamSpec stderrStream;
    private Map<String, HookSpec> hooks = new LinkedHashMap<>();
    private double hooksTimeout = DEFAULT_HOOKS_TIMEOUT;
    private String virtualenv;
    private String virtualenvPyVer;
    private boolean usePapa;
    private Map<String, String> freeOptions = new LinkedHashMap<>();
    private String source;

    private Builder(String name) {
      this.name = name;
    }

    private Builder(WatcherSpec s) {
      name = s.name; cmd = s.cmd; args = s.args; shell = s.shell; shellArgs = s.shellArgs;
      executable = s.executable; workingDir = s.workingDir; uid = s.uid; gid = s.gid; umask = s.umask;
      copyEnv = s.copyEnv; copyPath = s.copyPath; env = new LinkedHashMap<>(s.env);
      rlimits = new LinkedHashMap<>(s.rlimits); numprocesses = s.numprocesses; warmupDelay = s.warmupDelay;
      autostart = s.autostart; respawn = s.respawn; maxRetry = s.maxRetry; gracefulTimeout = s.gracefulTimeout;
      stopSignal = s.stopSignal; stopChildren = s.stopChildren; sendHup = s.sendHup; priority = s.priority;
      singleton = s.singleton; maxAge = s.maxAge; maxAgeVariance = s.maxAgeVariance; useSockets = s.useSockets;
      onDemand = s.onDemand; stdinSocket = s.stdinSocket; closeChildStdin = s.closeChildStdin;
      closeChildStdout = s.closeChildStdout; closeChildStderr = s.closeChildStderr;
      stdoutStream = s.stdoutStream; stderrStream = s.stderrStream; hooks = new LinkedHashMap<>(s.hooks);
      hooksTimeout = s.hooksTimeout;
      virtualenv = s.virtualenv; virtualenvPyVer = s.virtualenvPyVer; usePapa = s.usePapa;
      freeOptions = new LinkedHashMap<>(s.freeOptions); source = s.source;
    }

    public Builder name(String v) { name = v; return this; }
    public Builder cmd(String v) { cmd = v; return this; }
    public Builder args(CommandArgs v) { args = v; return this; }
    public Builder args(String v) { args = new CommandArgs.Text(v); return this; }
    public Builder shell(boolean v) { shell = v; return this; }
    public Builder shellArgs(CommandArgs v) { shellArgs = v; return this; }
    public Builder executable(String v) { executable = v; return this; }
    public Builder workingDir(String v) { workingDir = v; return this; }
    public Builder uid(String v) { uid = v; return this; }
    public Builder gid(String v) { gid = v; return this; }
    public Builder umask(Integer v) { umask = v; return this; }
    public Builder copyEnv(boolean v) { copyEnv = v; return this; }
    public Builder copyPath(boolean v) { copyPath = v; return this; }
    public Builder env(Map<String, String> v) { env = new LinkedHashMap<>(v); return this; }
    public Builder env(String key, String value) { env.put(key, value); return this; }
    public Builder rlimits(Map<String, Long> v) { rlimits = new LinkedHashMap<>(v); return this; }
    public Builder rlimit(String limit, Long value) { rlimits.put(limit, value); return this; }
    public Builder numprocesses(int v) { numprocesses = v; return this; }
    public Builder warmupDelay(double v) { warmupDelay = v; return this; }
    public Builder autostart(boolean v) { autostart = v; return this; }
    public Builder respawn(boolean v) { respawn = v; return this; }
    public Builder maxRetry(int v) { maxRetry = v; return this; }
    public Builder gracefulTimeout(double v) { gracefulTimeout = v; return this; }
    public Builder stopSignal(int v) { stopSignal = v; return this; }
    public Builder stopChildren(boolean v) { stopChildren = v; return this; }
    public Builder sendHup(boolean v) { sendHup = v; return this; }
    public Builder priority(int v) { priority = v; return this; }
    public Builder singleton(boolean v) { singleton = v; return this; }
    public Builder maxAge(int v) { maxAge = v; return this; }
    public Builder maxAgeVariance(int v) { maxAgeVariance = v; return this; }
    public Builder useSockets(boolean v) { useSockets = v; return this; }
    public Builder onDemand(boolean v) { onDemand = v; return this; }
    public Builder stdinSocket(String v) { stdinSocket = v; return this; }
    public Builder closeChildStdin(boolean v) { closeChildStdin = v; return this; }
    public Builder closeChildStdout(boolean v) { closeChildStdout = v; return this; }
    public Builder closeChildStderr(boolean v) { closeChildStderr = v; return this; }
    public Builder stdoutStream(StreamSpec v) { stdoutStream = v; return this; }
    public Builder stderrStream(StreamSpec v) { stderrStream = v; return this; }
    public Builder hooks(Map<String, HookSpec> v) { hooks = new LinkedHashMap<>(v); return this; }
    public Builder hook(String hookName, HookSpec v) { hooks.put(hookName, v); return this; }
    public Builder hooksTimeout(double v) { hooksTimeout = v; return this; }
    public Builder virtualenv(String v) { virtualenv = v; return this; }
    public Builder virtualenvPyVer(String v) { virtualenvPyVer = v; return this; }
    public Builder usePapa(boolean v) { usePapa = v; return this; }
    public Builder freeOptions(Map<String, String> v) { freeOptions = new LinkedHashMap<>(v); return this; }
    public Builder freeOption(String key, String value) { freeOptions.put(key, value); return this; }
    public Builder source(String v) { source = v; return this; }

    public WatcherSpec build() {
      return new WatcherSpec(name, cmd, args, shell, shellArgs, executable, workingDir, uid, gid, umask,
          copyEnv, copyPath, env, rlimits, numprocesses, warmupDelay, autostart, respawn, maxRetry,
          gracefulTimeout, stopSignal, stopChildren, sendHup, priority, singleton, maxAge, maxAgeVariance,
          useSockets, onDemand, stdinSocket, closeChildStdin, closeChildStdout, closeChildStderr,
          stdoutStream, stderrStream, hooks, hooksTimeout, virtualenv, virtualenvPyVer, usePapa, freeOptions, source);
    }
  }
}
