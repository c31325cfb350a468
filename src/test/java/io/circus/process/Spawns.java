package io.circus.process;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A {@link SpawnRequest} built step by step, with test defaults: a small PATH, piped output. */
final class Spawns {

  private final List<String> argv;
  private String executable;
  private Map<String, String> env = new LinkedHashMap<>(Map.of("PATH", "/usr/bin:/bin"));
  private String workingDir;
  private String user;
  private String group;
  private Integer umask;
  private final Map<String, Long> rlimits = new LinkedHashMap<>();
  private Stdio stdin = Stdio.NULL;
  private Stdio stdout = Stdio.PIPE;
  private Stdio stderr = Stdio.PIPE;
  private final List<PassedFd> passFds = new ArrayList<>();

  private Spawns(List<String> argv) {
    this.argv = argv;
  }

  static Spawns command(String... argv) {
    return new Spawns(List.of(argv));
  }

  /** {@code sh -c script}. */
  static Spawns shell(String script) {
    return command("sh", "-c", script);
  }

  Spawns executable(String executable) {
    this.executable = executable;
    return this;
  }

  Spawns env(Map<String, String> env) {
    this.env = new LinkedHashMap<>(env);
    return this;
  }

  Spawns workingDir(String workingDir) {
    this.workingDir = workingDir;
    return this;
  }

  Spawns user(String user) {
    this.user = user;
    return this;
  }

  Spawns group(String group) {
    this.group = group;
    return this;
  }

  Spawns umask(int umask) {
    this.umask = umask;
    return this;
  }

  Spawns rlimit(String name, Long value) {
    rlimits.put(name, value);
    return this;
  }

  Spawns stdin(Stdio stdin) {
    this.stdin = stdin;
    return this;
  }

  Spawns stdout(Stdio stdout) {
    this.stdout = stdout;
    return this;
  }

  Spawns stderr(Stdio stderr) {
    this.stderr = stderr;
    return this;
  }

  Spawns passFds(Integer... fds) {
    for (int fd : fds) passFds.add(PassedFd.of(fd));
    return this;
  }

  Spawns pass(PassedFd passed) {
    passFds.add(passed);
    return this;
  }

  SpawnRequest request() {
    return new SpawnRequest(argv, executable, env, workingDir, user, group, umask, rlimits, stdin, stdout, stderr,
        passFds);
  }
}
