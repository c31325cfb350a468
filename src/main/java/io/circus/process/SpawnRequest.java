package io.circus.process;

import java.util.List;
import java.util.Map;

/**
 * Everything needed to start one child.
 *
 * <ul>
 *   <li>{@code argv}: the argument vector, {@code argv[0]} included;
 *   <li>{@code executable}: the program to execute, or null for {@code argv[0]}; a name without
 *       '/' is looked up in the {@code PATH} of {@code env} (or the system default path);
 *   <li>{@code env}: the child's whole environment;
 *   <li>{@code workingDir}: null to keep circusd's;
 *   <li>{@code user}/{@code group}: a name or a decimal id, null to keep circusd's; with a user,
 *       the child also gets that user's supplementary groups;
 *   <li>{@code umask}: null to inherit circusd's;
 *   <li>{@code rlimits}: lower-case limit name ({@code nofile}, {@code core}, ...) to value, a
 *       null value meaning unlimited;
 *   <li>{@code passFds}: descriptors handed to the child as fds 3, 4, ... in this order (listening
 *       sockets, see {@link PassedFd}); every other descriptor of circusd is closed in the child.
 * </ul>
 * The child always starts in a new session (its own process group), with default signal
 * dispositions and an empty signal mask.
 */
public record SpawnRequest(
    List<String> argv,
    String executable,
    Map<String, String> env,
    String workingDir,
    String user,
    String group,
    Integer umask,
    Map<String, Long> rlimits,
    Stdio stdin,
    Stdio stdout,
    Stdio stderr,
    List<PassedFd> passFds) {

  public SpawnRequest {
    if (argv == null || argv.isEmpty()) throw new IllegalArgumentException("argv must not be empty");
    argv = List.copyOf(argv);
    env = Map.copyOf(env);
    rlimits = rlimits == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(rlimits));
    if (stdin instanceof Stdio.Pipe) throw new IllegalArgumentException("stdin cannot be a pipe");
    passFds = passFds == null ? List.of() : List.copyOf(passFds);
  }

  /** The first fd number a passed descriptor gets in the child. */
  public static final int FIRST_PASSED_FD = 3;
}
