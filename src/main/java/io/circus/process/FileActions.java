package io.circus.process;

import com.sun.jna.Memory;
import com.sun.jna.Pointer;

/**
 * The {@code posix_spawn_file_actions_t} that gives a child exactly the descriptors it must have:
 * fd 0, 1, 2, 3, ... from a list of circusd's descriptors (or /dev/null), nothing else of the JVM
 * (about 60 descriptors, some without close-on-exec), and optionally another working directory.
 */
final class FileActions implements AutoCloseable {

  /** A source meaning "open /dev/null here" (read-only for fd 0, write-only otherwise). */
  static final int DEV_NULL = -1;

  // glibc's posix_spawn_file_actions_t is 80 bytes on x86_64; the margin costs nothing.
  private static final int FILE_ACTIONS_SIZE = 128;

  private final Memory actions = new Memory(FILE_ACTIONS_SIZE);

  /**
   * @param sources {@code sources[i]} is the descriptor of circusd the child gets as fd i, or
   *     {@link #DEV_NULL}
   * @param workingDir the child's working directory, null to keep circusd's
   */
  FileActions(int[] sources, String workingDir) {
    SystemCallException.checkReturned(LibC.posix_spawn_file_actions_init(actions), "posix_spawn_file_actions_init");
    try {
      placeDescriptors(sources);
      if (workingDir != null) {
        SystemCallException.checkReturned(LibC.posix_spawn_file_actions_addchdir_np(actions, workingDir),
            "posix_spawn_file_actions_addchdir_np");
      }
    } catch (RuntimeException e) {
      close();
      throw e;
    }
  }

  Pointer pointer() {
    return actions;
  }

  /**
   * A source may itself be a target number (pass fds [4, 3], or a socket that is fd 1 in circusd
   * and goes to fd 3): dup2 in place would overwrite a source before it is copied. So every source
   * is first copied above all sources and targets, then moved down to its target; closefrom then
   * closes the copies and everything the JVM had open. dup2 clears close-on-exec on its target.
   */
  private void placeDescriptors(int[] sources) {
    int high = sources.length;
    for (int source : sources) high = Math.max(high, source + 1);
    for (int target = 0; target < sources.length; target++) {
      if (sources[target] != DEV_NULL) dup2(sources[target], high + target);
    }
    for (int target = 0; target < sources.length; target++) {
      if (sources[target] == DEV_NULL) {
        SystemCallException.checkReturned(LibC.posix_spawn_file_actions_addopen(actions, target, "/dev/null",
            target == 0 ? LibC.O_RDONLY : LibC.O_WRONLY, 0), "posix_spawn_file_actions_addopen");
      } else {
        dup2(high + target, target);
      }
    }
    SystemCallException.checkReturned(LibC.posix_spawn_file_actions_addclosefrom_np(actions, sources.length),
        "posix_spawn_file_actions_addclosefrom_np");
  }

  private void dup2(int from, int to) {
    SystemCallException.checkReturned(LibC.posix_spawn_file_actions_adddup2(actions, from, to),
        "posix_spawn_file_actions_adddup2");
  }

  @Override
  public void close() {
    LibC.posix_spawn_file_actions_destroy(actions);
    actions.close();
  }
}
