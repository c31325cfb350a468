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
 * the umask. Each tool execs the next, so the child keeps the pid the launcher watches, and its
 * environment (the shells' own PWD is undone).
 *
 * <p>The tools exec their command with argv[0] set to its path. When the request's argv[0]
 * differs from the program's path (a bare name, or an explicit {@code executable}), the last hop
 * is {@code bash -c 'exec -a "$0" "$@"'}: bash is the one common tool that can set argv[0], so it
 * is required then.
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
   * The command that runs {@code program} as {@code request} says: under its rlimits (a null or
   * negative value is unlimited, Python's -1), identity and umask; {@code program} with the
   * request's argv itself when none is set.
   *
   * @param identity the resolved user and group, null to keep circusd's
   */
  static ExecCommand wrap(Path program, SpawnRequest request, Identity identity) throws SpawnException {
    List<String> argv = request.argv();
    List<String> wrapped = new ArrayList<>();
    if (!request.rlimits().isEmpty()) addPrlimit(wrapped, request.rlimits());
    if (identity != null) addSetpriv(wrapped, identity);
    String programPath = program.toString();
    if (wrapped.isEmpty() && request.umask() == null) return new ExecCommand(programPath, argv);
    boolean keepArgv0 = !argv.get(0).equals(programPath);
    if (request.umask() == null && !keepArgv0) {
      wrapped.add(programPath);
    } else {
      String prelude = restorePwd(request.env())
          + (request.umask() == null ? "" : "umask " + octalUmask(request.umask()) + " && ");
      if (keepArgv0) {
        wrapped.addAll(List.of(tool("bash"), "-c", prelude + "exec -a \"$0\" \"$@\"", argv.get(0), programPath));
      } else {
        wrapped.addAll(List.of(tool("sh"), "-c", prelude + "exec \"$0\" \"$@\"", programPath));
      }
    }
    wrapped.addAll(argv.subList(1, argv.size()));
    return new ExecCommand(wrapped.get(0), wrapped);
  }

  /**
   * sh and bash export PWD to what they exec: put the requested value back, or remove it. (bash
   * also exports SHLVL, which comes out as requested, or as 0 when the request has none.)
   */
  private static String restorePwd(Map<String, String> env) {
    String pwd = env.get("PWD");
    return pwd == null ? "unset PWD && " : "PWD='" + pwd.replace("'", "'\\''") + "' && ";
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
      command.addAll(List.of("--reuid=" + Integer.toUnsignedString(identity.uid()), regid(identity), "--init-groups"));
    } else {
      command.addAll(List.of(regid(identity), "--keep-groups"));
    }
    command.add("--");
  }

  private static String regid(Identity identity) {
    return "--regid=" + Integer.toUnsignedString(identity.gid());
  }

  private static String octalUmask(int umask) throws SpawnException {
    if (umask < 0 || umask > 0777) throw new SpawnException(LibC.EINVAL, "umask " + umask + " is not in 0..0777");
    return String.format("%04o", umask);
  }

  private static String tool(String name) throws SpawnException {
    return ExecutableLookup.resolve(name, TOOLS_PATH, Path.of("/")).toString();
  }
}
