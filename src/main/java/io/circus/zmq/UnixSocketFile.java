package io.circus.zmq;

import java.io.IOException;
import java.net.ConnectException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.nio.file.attribute.UserPrincipalNotFoundException;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The listening socket file of an ipc endpoint, created so that nobody but its owner can connect at
 * any moment: the socket is bound inside a fresh directory only the daemon can enter (mode 0700),
 * given mode 0600 and, when {@code endpoint_owner} is set, that user as owner, and only then
 * renamed to its path (rename(2) is atomic and keeps the socket listening). An existing socket file
 * at the path is replaced only when nothing listens on it; any other file is never touched. On
 * close the file is removed if it is still the one this object created.
 */
final class UnixSocketFile implements ListeningSocket {

  private static final Logger log = LoggerFactory.getLogger(UnixSocketFile.class);

  /** sun_path holds 108 bytes including the terminating NUL. */
  private static final int MAX_PATH_BYTES = 107;
  private static final int BACKLOG = 128;
  private static final int S_IFMT = 0170000;
  private static final int S_IFSOCK = 0140000;

  private final Path path;
  private final ServerSocketChannel channel;
  private final Object fileKey;

  private UnixSocketFile(Path path, ServerSocketChannel channel, Object fileKey) {
    this.path = path;
    this.channel = channel;
    this.fileKey = fileKey;
  }

  /**
   * Binds a listening socket at {@code path}.
   *
   * @param owner user name or uid to give the file to, or null to leave it to the daemon's user
   * @param option the endpoint's option, in error messages
   */
  static UnixSocketFile bind(Path path, String owner, String option) throws EndpointBindException {
    String endpoint = "ipc://" + path;
    try {
      UserPrincipal ownerPrincipal = owner == null ? null : lookupUser(owner);
      checkPathIsFree(path);
      return bindPrivatelyThenMove(path, ownerPrincipal);
    } catch (BindRefused e) {
      throw new EndpointBindException(option, endpoint, e.getMessage(), null);
    } catch (IOException e) {
      throw new EndpointBindException(option, endpoint, describe(e), e);
    }
  }

  @Override
  public ServerSocketChannel channel() {
    return channel;
  }

  @Override
  public String endpoint() {
    return "ipc://" + path;
  }

  @Override
  public void prepare(SocketChannel accepted) {
    // Nothing to set on a Unix-domain connection.
  }

  /** Closes the socket and removes its file, unless another process has put its own there since. */
  @Override
  public void close() {
    try {
      channel.close();
    } catch (IOException e) {
      log.warn("ipc://{}: closing the socket failed: {}", path, e.getMessage());
    }
    try {
      if (fileKey.equals(fileKey(path))) {
        Files.delete(path);
      } else {
        log.info("ipc://{}: left in place: the socket file there is no longer this daemon's", path);
      }
    } catch (NoSuchFileException gone) {
      log.debug("ipc://{}: the socket file was already removed", path);
    } catch (IOException e) {
      log.warn("ipc://{}: cannot remove the socket file: {}", path, describe(e));
    }
  }

  private static UserPrincipal lookupUser(String owner) throws IOException {
    try {
      return FileSystems.getDefault().getUserPrincipalLookupService().lookupPrincipalByName(owner);
    } catch (UserPrincipalNotFoundException e) {
      throw new BindRefused("endpoint_owner '" + owner + "' is not a known user");
    }
  }

  /** Refuses a path too long for a Unix socket, a file that is not a socket, or a live socket. */
  private static void checkPathIsFree(Path path) throws IOException {
    if (path.toString().getBytes(StandardCharsets.UTF_8).length > MAX_PATH_BYTES) {
      throw new BindRefused("the path is longer than the " + MAX_PATH_BYTES + " bytes a Unix socket path may have");
    }
    if (!Files.isDirectory(path.getParent())) {
      throw new BindRefused("No such file or directory: " + path.getParent() + " is not a directory");
    }
    if (!Files.exists(path, LinkOption.NOFOLLOW_LINKS)) {
      return;
    }
    int mode = (Integer) Files.getAttribute(path, "unix:mode", LinkOption.NOFOLLOW_LINKS);
    if ((mode & S_IFMT) != S_IFSOCK) {
      throw new BindRefused("a file that is not a socket exists at this path");
    }
    try (SocketChannel probe = SocketChannel.open(StandardProtocolFamily.UNIX)) {
      // Non-blocking: a listener with a full backlog would otherwise hold this thread.
      probe.configureBlocking(false);
      probe.connect(UnixDomainSocketAddress.of(path));
      throw new BindRefused("Address already in use (a process is listening on this socket)");
    } catch (ConnectException refused) {
      log.info("ipc://{}: replacing a stale socket file (nothing listens on it)", path);
    }
  }

  private static UnixSocketFile bindPrivatelyThenMove(Path path, UserPrincipal owner) throws IOException {
    Path privateDirectory = createPrivateDirectory(path.getParent());
    Path staged = privateDirectory.resolve("s");
    ServerSocketChannel channel = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
    try {
      channel.bind(UnixDomainSocketAddress.of(staged), BACKLOG);
      Files.setPosixFilePermissions(staged, PosixFilePermissions.fromString("rw-------"));
      if (owner != null) {
        setOwner(staged, owner);
      }
      Files.move(staged, path, StandardCopyOption.ATOMIC_MOVE);
      return new UnixSocketFile(path, channel, fileKey(path));
    } catch (IOException | RuntimeException e) {
      channel.close();
      throw e;
    } finally {
      Files.deleteIfExists(staged);
      Files.deleteIfExists(privateDirectory);
    }
  }

  /** A new directory next to the socket (so the final rename stays on one file system), mode 0700. */
  private static Path createPrivateDirectory(Path parent) throws IOException {
    while (true) {
      // Short, so that the staged path is hardly longer than the final one.
      Path candidate = parent.resolve(".c" + Integer.toString(ThreadLocalRandom.current().nextInt(36 * 36 * 36 * 36), 36));
      try {
        return Files.createDirectory(candidate, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
      } catch (FileAlreadyExistsException taken) {
        // another staging directory has this name: draw again
      } catch (AccessDeniedException e) {
        throw new BindRefused("Permission denied: this user cannot create files in " + parent);
      }
    }
  }

  private static void setOwner(Path staged, UserPrincipal owner) throws IOException {
    try {
      Files.setOwner(staged, owner);
    } catch (IOException e) {
      throw new BindRefused("cannot give the socket file to endpoint_owner '" + owner.getName() + "': " + describe(e));
    }
  }

  private static Object fileKey(Path path) throws IOException {
    return Files.readAttributes(path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS).fileKey();
  }

  /** The OS's reason, without the file name Java puts in front of it. */
  private static String describe(IOException e) {
    if (e instanceof FileSystemException failure && failure.getReason() != null) {
      return failure.getReason();
    }
    if (e instanceof NoSuchFileException missing) {
      return "No such file or directory: " + missing.getFile();
    }
    if (e instanceof AccessDeniedException denied) {
      return "Permission denied: " + denied.getFile();
    }
    return e.getMessage();
  }

  /** A refusal whose message is complete as it is. */
  private static final class BindRefused extends IOException {
    BindRefused(String message) {
      super(message);
    }
  }
}
