package io.circus.process;

import com.sun.jna.Memory;
import com.sun.jna.Native;
import com.sun.jna.Pointer;
import java.util.function.Function;

/**
 * Resolves user and group names or decimal ids through the C library's reentrant
 * getpwnam_r/getpwuid_r/getgrnam_r/getgrgid_r, so NSS sources (LDAP, systemd, ...) count, as they
 * would for the child.
 */
final class UserLookup {

  // struct passwd on 64-bit Linux: pw_name, pw_passwd (pointers), then pw_uid at 16, pw_gid at 20.
  private static final int PASSWD_SIZE = 48;
  private static final int PW_UID = 16;
  private static final int PW_GID = 20;
  // struct group: gr_name, gr_passwd (pointers), then gr_gid at 16.
  private static final int GROUP_SIZE = 32;
  private static final int GR_GID = 16;
  private static final long FIRST_BUFFER_SIZE = 1024;
  private static final long MAX_BUFFER_SIZE = 1 << 20;

  /** One reentrant lookup: fills {@code entry} using {@code buffer}, sets {@code *result}. */
  @FunctionalInterface
  private interface EntryCall {
    int call(Pointer entry, Pointer buffer, long bufferSize, Pointer result);
  }

  private UserLookup() {
  }

  /** The identity to switch to, or null when neither a user nor a group is given. */
  static Identity resolve(String user, String group) throws SpawnException {
    if (user == null && group == null) return null;
    Integer gid = group == null ? null : groupId(group);
    if (user == null) return new Identity(null, gid);
    EntryCall lookup = isId(user)
        ? (e, b, n, r) -> LibC.getpwuid_r(Integer.parseUnsignedInt(user), e, b, n, r)
        : (e, b, n, r) -> LibC.getpwnam_r(user, e, b, n, r);
    return entry("user", user, PASSWD_SIZE, lookup,
        passwd -> new Identity(passwd.getInt(PW_UID), gid != null ? gid : passwd.getInt(PW_GID)));
  }

  private static int groupId(String group) throws SpawnException {
    EntryCall lookup = isId(group)
        ? (e, b, n, r) -> LibC.getgrgid_r(Integer.parseUnsignedInt(group), e, b, n, r)
        : (e, b, n, r) -> LibC.getgrnam_r(group, e, b, n, r);
    return entry("group", group, GROUP_SIZE, lookup, entry -> entry.getInt(GR_GID));
  }

  /** A decimal uid_t/gid_t (32-bit unsigned); other text is a name. */
  private static boolean isId(String name) {
    return name.matches("[0-9]{1,10}") && Long.parseLong(name) <= 0xFFFF_FFFFL;
  }

  /** Runs the lookup, growing the string buffer on ERANGE, and reads the found entry. */
  private static <T> T entry(String kind, String name, int entrySize, EntryCall lookup, Function<Pointer, T> reader)
      throws SpawnException {
    try (Memory entry = new Memory(entrySize); Memory result = new Memory(Native.POINTER_SIZE)) {
      for (long size = FIRST_BUFFER_SIZE; size <= MAX_BUFFER_SIZE; size *= 2) {
        int error;
        try (Memory buffer = new Memory(size)) {
          error = lookup.call(entry, buffer, size, result);
        }
        if (error == LibC.ERANGE) continue;
        if (error == 0 && result.getPointer(0) != null) return reader.apply(entry);
        // glibc reports "no such entry" as 0 with a null result; some NSS modules as one of these.
        if (error == 0 || error == LibC.ENOENT || error == LibC.ESRCH || error == LibC.EBADF || error == LibC.EPERM) {
          throw new SpawnException(0, "unknown " + kind + " '" + name + "'");
        }
        throw new SpawnException(error,
            "cannot look up " + kind + " '" + name + "': " + SystemCallException.describe(error));
      }
      throw new SpawnException(LibC.ERANGE, "cannot look up " + kind + " '" + name + "': entry larger than 1 MiB");
    }
  }
}
