package io.circus.process;

import com.sun.jna.Memory;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Starts a child with posix_spawn(3): nothing is forked inside the JVM, and a failed exec is reported. */
final class PosixSpawn {

  private PosixSpawn() {
  }

  /**
   * Spawns {@code command} with exactly {@code env}, the child's descriptors taken from
   * {@code sources} (see {@link FileActions}) and {@code workingDir} (null to keep circusd's).
   *
   * @param program how the request named the program, for messages
   * @return the child's pid
   */
  static int spawn(ExecCommand command, Map<String, String> env, int[] sources, String workingDir, String program)
      throws SpawnException {
    try (Memory argv = CStrings.vector(command.argv(), "argument of " + program);
        Memory envp = CStrings.vector(environment(env), "environment of " + program);
        FileActions actions = new FileActions(sources, workingDir);
        Memory pid = new Memory(Integer.BYTES)) {
      // posix_spawn returns the error number, including the one of a failed exec in the child.
      int error = LibC.posix_spawn(pid, command.path(), actions.pointer(), SpawnAttributes.shared(), argv, envp);
      if (error != 0) {
        String where = workingDir == null ? "" : " in " + workingDir;
        throw new SpawnException(error,
            "cannot start '" + program + "'" + where + ": " + SystemCallException.describe(error));
      }
      return pid.getInt(0);
    }
  }

  private static List<String> environment(Map<String, String> env) throws SpawnException {
    List<String> entries = new ArrayList<>(env.size());
    for (Map.Entry<String, String> variable : env.entrySet()) {
      if (variable.getKey().isEmpty() || variable.getKey().indexOf('=') >= 0) {
        throw new SpawnException(LibC.EINVAL, "illegal environment variable name '" + variable.getKey() + "'");
      }
      entries.add(variable.getKey() + "=" + variable.getValue());
    }
    return entries;
  }
}
