package io.circus.process;

import com.sun.jna.Memory;
import com.sun.jna.Native;
import java.io.IOException;
import java.net.SocketAddress;
import java.net.UnixDomainSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.EnumSet;
import java.util.Set;

/**
 * Creates sockets with socket(2), setsockopt(2), bind(2) and listen(2): the descriptor belongs to
 * circusd (not to a JVM channel), so that it can be handed to children and kept open while they
 * come and go. Every call is short and does not block.
 */
public final class SocketBinder {

  // struct protoent { char *p_name; char **p_aliases; int p_proto; } on 64-bit Linux.
  private static final int PROTOENT_SIZE = 24;
  private static final int P_PROTO = 16;
  private static final int PROTOENT_BUFFER = 4096;
  private static final int S_IFMT = 0170000;
  private static final int S_IFSOCK = 0140000;
  private static final PosixFilePermission[] PERMISSION_BITS = {
      PosixFilePermission.OTHERS_EXECUTE, PosixFilePermission.OTHERS_WRITE, PosixFilePermission.OTHERS_READ,
      PosixFilePermission.GROUP_EXECUTE, PosixFilePermission.GROUP_WRITE, PosixFilePermission.GROUP_READ,
      PosixFilePermission.OWNER_EXECUTE, PosixFilePermission.OWNER_WRITE, PosixFilePermission.OWNER_READ};

  private SocketBinder() {
  }

  /**
   * Creates, binds and (for a listening setup) listens.
   *
   * @throws SocketBindException naming the failed step and the OS error; nothing is left open
   */
  public static BoundSocket bind(SocketSetup setup) throws SocketBindException {
    if (setup.isUnix()) clearPath(setup);
    int fd = create(setup);
    boolean fileCreated = false;
    try {
      // A reservation goes without SO_REUSEADDR: with it, any socket with SO_REUSEADDR could bind
      // the port while nothing listens there. SO_REUSEPORT (same user) still lets the owners in.
      boolean reservation = setup.reusePort() && !setup.listen();
      if (!reservation) enable(fd, LibC.SO_REUSEADDR, "SO_REUSEADDR");
      if (setup.reusePort()) enable(fd, LibC.SO_REUSEPORT, "SO_REUSEPORT");
      if (setup.device() != null) bindToDevice(fd, setup.device());
      byte[] address = SocketAddresses.encode(setup.address());
      if (LibC.bind(fd, address, address.length) == -1) {
        throw failure(SocketBindException.Step.BIND, "bind " + SocketAddresses.text(setup.address()));
      }
      fileCreated = setup.isUnix();
      if (setup.isUnix() && setup.umask() != null) applyUmask(path(setup), setup.umask());
      if (setup.listen() && setup.type().acceptsConnections() && LibC.listen(fd, setup.backlog()) == -1) {
        throw failure(SocketBindException.Step.LISTEN, "listen with a backlog of " + setup.backlog());
      }
      return new BoundSocket(fd, localAddress(fd, setup), setup.isUnix() ? inode(path(setup)) : null);
    } catch (SocketBindException | RuntimeException e) {
      LibC.close(fd);
      if (fileCreated) deleteQuietly(path(setup));
      throw e;
    }
  }

  /**
   * The number of a protocol named in /etc/protocols ({@code tcp}, {@code udp}, ...), as
   * getprotobyname(3) finds it; a decimal number is taken as it is.
   *
   * @throws IllegalArgumentException for an unknown name
   */
  public static int protocolNumber(String name) {
    if (name.chars().allMatch(Character::isDigit) && !name.isEmpty()) return Integer.parseInt(name);
    try (Memory protoent = new Memory(PROTOENT_SIZE); Memory buffer = new Memory(PROTOENT_BUFFER);
        Memory result = new Memory(Native.POINTER_SIZE)) {
      result.setPointer(0, null);
      int error = LibC.getprotobyname_r(name, protoent, buffer, PROTOENT_BUFFER, result);
      if (error != 0 || result.getPointer(0) == null) {
        throw new IllegalArgumentException("unknown protocol '" + name + "' (not in /etc/protocols)");
      }
      return protoent.getInt(P_PROTO);
    }
  }

  /** The inode of a file, without following a link; null when there is no such file. */
  static Object inode(Path path) {
    try {
      return Files.getAttribute(path, "unix:ino", LinkOption.NOFOLLOW_LINKS);
    } catch (IOException e) {
      return null;
    }
  }

  private static int create(SocketSetup setup) throws SocketBindException {
    int type = setup.type().number | LibC.SOCK_CLOEXEC | (setup.blocking() ? 0 : LibC.SOCK_NONBLOCK);
    int fd = LibC.socket(SocketAddresses.family(setup.address()), type, setup.protocol());
    if (fd == -1) throw failure(SocketBindException.Step.CREATE, "socket of type SOCK_" + setup.type());
    return fd;
  }

  private static void enable(int fd, int option, String name) throws SocketBindException {
    byte[] one = {1, 0, 0, 0}; // an int 1, little-endian
    if (LibC.setsockopt(fd, LibC.SOL_SOCKET, option, one, one.length) == -1) {
      throw failure(SocketBindException.Step.CREATE, "setsockopt " + name);
    }
  }

  private static void bindToDevice(int fd, String device) throws SocketBindException {
    byte[] name = (device + "\0").getBytes(StandardCharsets.UTF_8);
    if (LibC.setsockopt(fd, LibC.SOL_SOCKET, LibC.SO_BINDTODEVICE, name, name.length) == -1) {
      throw failure(SocketBindException.Step.DEVICE, "bind to device '" + device + "'");
    }
  }

  /** An existing file at the path is an error, unless {@code replace} and it is a socket: then it goes. */
  private static void clearPath(SocketSetup setup) throws SocketBindException {
    Path path = path(setup);
    if (!Files.exists(path, LinkOption.NOFOLLOW_LINKS)) return;
    if (!setup.replace()) {
      throw new SocketBindException(SocketBindException.Step.FILE, LibC.EEXIST, "'" + path + "' already exists");
    }
    if (!isSocket(path)) {
      throw new SocketBindException(SocketBindException.Step.FILE, LibC.EEXIST,
          "'" + path + "' exists and is not a socket, so it is not replaced");
    }
    try {
      Files.delete(path);
    } catch (NoSuchFileException gone) {
      // removed meanwhile: what replace wanted
    } catch (IOException e) {
      throw new SocketBindException(SocketBindException.Step.FILE, 0, "cannot remove '" + path + "': " + e);
    }
  }

  private static boolean isSocket(Path path) {
    try {
      return ((Integer) Files.getAttribute(path, "unix:mode", LinkOption.NOFOLLOW_LINKS) & S_IFMT) == S_IFSOCK;
    } catch (IOException e) {
      return false;
    }
  }

  private static void applyUmask(Path path, int umask) throws SocketBindException {
    int mode = 0777 & ~umask;
    Set<PosixFilePermission> permissions = EnumSet.noneOf(PosixFilePermission.class);
    for (int bit = 0; bit < PERMISSION_BITS.length; bit++) {
      if ((mode & 1 << bit) != 0) permissions.add(PERMISSION_BITS[bit]);
    }
    try {
      Files.setPosixFilePermissions(path, permissions);
    } catch (IOException e) {
      throw new SocketBindException(SocketBindException.Step.PERMISSIONS, 0,
          "cannot set mode " + Integer.toOctalString(mode) + " on '" + path + "': " + e);
    }
  }

  private static SocketAddress localAddress(int fd, SocketSetup setup) {
    byte[] raw = new byte[SocketAddresses.MAX_SIZE];
    int[] length = {raw.length};
    SystemCallException.check(LibC.getsockname(fd, raw, length), "getsockname");
    return SocketAddresses.decode(raw, setup.isUnix() ? (UnixDomainSocketAddress) setup.address() : null);
  }

  private static Path path(SocketSetup setup) {
    return ((UnixDomainSocketAddress) setup.address()).getPath();
  }

  private static void deleteQuietly(Path path) {
    try {
      Files.deleteIfExists(path);
    } catch (IOException ignored) {
      // the bind failed already; that is the error to report
    }
  }

  private static SocketBindException failure(SocketBindException.Step step, String call) {
    int errno = Native.getLastError();
    return new SocketBindException(step, errno, call + ": " + SystemCallException.describe(errno));
  }
}
