package io.circus.process;

import com.sun.jna.Memory;
import com.sun.jna.Pointer;

/**
 * The one {@code posix_spawnattr_t} every child is spawned with: a new session
 * (POSIX_SPAWN_SETSID, so each child leads its own process group), default dispositions for all
 * signals 1..64 (the JVM ignores some, and ignored signals survive exec) and an empty signal mask.
 * posix_spawn only reads it, so one instance serves all threads; it lives as long as the JVM.
 */
final class SpawnAttributes {

  // glibc's posix_spawnattr_t is 336 bytes and sigset_t 128 on x86_64; the margin costs nothing.
  private static final int ATTRIBUTES_SIZE = 512;
  private static final int SIGSET_SIZE = 128;
  private static final Memory SHARED = create();

  private SpawnAttributes() {
  }

  static Pointer shared() {
    return SHARED;
  }

  private static Memory create() {
    Memory attributes = new Memory(ATTRIBUTES_SIZE);
    SystemCallException.checkReturned(LibC.posix_spawnattr_init(attributes), "posix_spawnattr_init");
    SystemCallException.checkReturned(LibC.posix_spawnattr_setflags(attributes,
        (short) (LibC.POSIX_SPAWN_SETSID | LibC.POSIX_SPAWN_SETSIGDEF | LibC.POSIX_SPAWN_SETSIGMASK)),
        "posix_spawnattr_setflags");
    try (Memory signals = new Memory(SIGSET_SIZE)) {
      signals.clear();
      SystemCallException.checkReturned(LibC.posix_spawnattr_setsigmask(attributes, signals),
          "posix_spawnattr_setsigmask");
      // Signal n is bit n-1: the first 64 bits are signals 1..64. sigaddset refuses glibc's
      // internal signals 32 and 33, hence the direct write; the child resets them harmlessly.
      signals.setLong(0, -1L);
      SystemCallException.checkReturned(LibC.posix_spawnattr_setsigdefault(attributes, signals),
          "posix_spawnattr_setsigdefault");
    }
    return attributes;
  }
}
