package io.circus.process;

import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;

/**
 * Finds the file a program name stands for, the way execvp(3) would in the child, but in the JVM
 * before spawning, so that a missing or non-executable program is a {@link SpawnException} with
 * the OS error rather than a child that dies at once.
 */
final class ExecutableLookup {

  /** The search path when the child's environment has no PATH. */
  static final String DEFAULT_PATH = "/usr/local/bin:/usr/bin:/bin";

  private ExecutableLookup() {
  }

  /**
   * Resolves {@code program}: a name with a '/' is taken as a path (relative to {@code baseDir},
   * the child's working directory); a bare name is searched in {@code searchPath} (null for the
   * default). Like execvp, a search reports EACCES when it only found non-executable files.
   */
  static Path resolve(String program, String searchPath, Path baseDir) throws SpawnException {
    if (program.isEmpty()) throw new SpawnException(LibC.ENOENT, "cannot start '': empty program name");
    if (program.contains("/")) {
      Path candidate = toPath(baseDir, program);
      int error = accessError(candidate);
      if (error != 0) throw failure(program, error, "");
      return candidate;
    }
    String path = searchPath == null ? DEFAULT_PATH : searchPath;
    int error = LibC.ENOENT;
    for (String dir : path.split(":", -1)) {
      Path candidate = toPath(baseDir, dir.isEmpty() ? "." : dir).resolve(program);
      int candidateError = accessError(candidate);
      if (candidateError == 0) return candidate;
      if (candidateError == LibC.EACCES) error = LibC.EACCES;
    }
    throw failure(program, error, " (searched PATH " + path + ")");
  }

  private static Path toPath(Path baseDir, String name) throws SpawnException {
    try {
      return baseDir.resolve(name);
    } catch (InvalidPathException e) {
      throw new SpawnException(LibC.EINVAL, "cannot start '" + name + "': " + e.getMessage());
    }
  }

  /** 0 when execve could run the file; ENOENT or EACCES (a directory or a file without x) else. */
  private static int accessError(Path file) {
    if (!Files.exists(file)) return LibC.ENOENT;
    return Files.isRegularFile(file) && Files.isExecutable(file) ? 0 : LibC.EACCES;
  }

  private static SpawnException failure(String program, int errno, String detail) {
    return new SpawnException(errno,
        "cannot start '" + program + "': " + SystemCallException.describe(errno) + detail);
  }
}
