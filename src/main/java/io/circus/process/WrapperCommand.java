package io.circus.process;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Puts the standard tools in front of a program for what posix_spawn cannot do in the child, and
 * only when such an option is set: {@code prlimit} for rlimits first (it runs with circusd's
 * privileges, so it can raise hard limits), then {@code setpriv} to change ids, then a shell for
 * the umask. Each tool execs the next, so the child keeps the pid the launcher watches.
 *
 * <p>The tools exec their command with argv[0] set to its path. When the request's argv[0]
 * differs from the program's path (a bare name, or an explicit {@code executable}), the last hop
 * is {@code bash -c 'exec -a "$0" "$@"'}, the one common tool that can set argv[0].
 */
final class WrapperCommand {

  /** Where the tools are looked for (not the child's PATH, which may lack them). */
  static final String TOOLS_PATH = "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";

  /** prlimit's options, as Python's resource module names the limits (RLIMIT_NOFILE: nofile). */
  static final Set<String> RLIMIT_NAMES = Set.of("as", "core", "cpu", "data", "fsize", "locks", "memlock",
      "msgqueue", "nice", "nofile", "nproc", "rss", "rtprio", "rttime", "sigpending", "stack");

  private WrapperCommand() {
  }

  /**
   * The command that runs {@code program} with {@code argv} under the given limits, identity and
   * umask; {@code program} with {@code argv} themselves when none is set.
   *
   * @param rlimits limit name to value; a null or negative value is unlimited (Python's -1)
   * @param identity null to keep circusd's ids
   * @param umask null to inherit circusd's
   */
  static ExecCommand wrap(Path program, List<String> argv, Map<String, Long> rlimits, Identity identity,
      Integer umask) throws SpawnException {
    List<String> wrapped = new ArrayList<>();
    if (!rlimits.isEmpty()) addPrlimit(wrapped, rlimits);
    if (identity != null) addSetpriv(wrapped, identity);
    String programPath = program.toString();
    if (wrapped.isEmpty() && umask == null) return new ExecCommand(programPath, argv);
    boolean keepArgv0 = !argv.get(0).equals(programPath);
    if (umask == null && !keepArgv0) {
      wrapped.add(programPath);
    } else {
      String setUmask = umask == null ? "" : "umask " + octalUmask(umask) + " && ";
      if (keepArgv0) {
        wrapped.addAll(List.of(tool("bash"), "-c", setUmask + "exec -a \"$0\" \"$@\"", argv.get(0), programPath));
      } else {
        wrapped.addAll(List.of(tool("sh"), "-c", setUmask + "exec \"$0\" \"$@\"", programPath));
      }
    }
    wrapped.addAll(argv.subList(1, argv.size()));
    return new ExecCommand(wrapped.get(0), wrapped);
  }

  private static void addPrlimit(List<String> command, Map<String, Long> rlimits) throws SpawnException {
    command.add(tool("prlimit"));
    for (Map.Entry<String, Long> limit : rlimits.entrySet()) {
      if (!RLIMIT_NAMES.contains(limit.getKey())) {
        throw new SpawnException(LibC.EINVAL, "unknown rlimit '" + limit.getKey() + "', expected one of "
            + new TreeSet<>(RLIMIT_NAMES));
      }
      String value = limit.getValue() == null || limit.getValue() < 0 ? "unlimited" : limit.getValue().toString();
      // Circus sets the soft and the hard limit to the same value.
      command.add("--" + limit.getKey() + "=" + value + ":" + value);
    }
    command.add("--");
  }

  private static void addSetpriv(List<String> command, Identity identity) throws SpawnException {
    command.add(tool("setpriv"));
    if (identity.uid() != null) {
      command.addAll(List.of("--reuid=" + identity.uid(), "--regid=" + identity.gid(), "--init-groups"));
    } else {
      command.addAll(List.of("--regid=" + identity.gid(), "--keep-groups"));
    }
    command.add("--");
  }

  private static String octalUmask(int umask) throws SpawnException {
    if (umask < 0 || umask > 0777) throw new SpawnException(LibC.EINVAL, "umask " + umask + " is not in 0..0777");
    return String.format("%04o", umask);
  }

  private static String tool(String name) throws SpawnException {
    return ExecutableLookup.resolve(name, TOOLS_PATH, Path.of("/")).toString();
  }
}
