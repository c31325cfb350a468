package io.circus.process;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.UnixDomainSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A socket circusd created and bound ({@link SocketBinder#bind}): its descriptor, close-on-exec,
 * and the address it is bound to. Closing it removes a unix socket's file too, unless another
 * file has taken that path since.
 */
public final class BoundSocket implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(BoundSocket.class);

  private final int fd;
  private final SocketAddress localAddress;
  /** The inode of a unix socket's file, to recognise it at close; null for other sockets. */
  private final Object fileKey;
  private boolean closed;

  BoundSocket(int fd, SocketAddress localAddress, Object fileKey) {
    this.fd = fd;
    this.localAddress = localAddress;
    this.fileKey = fileKey;
  }

  public int fd() {
    return fd;
  }

  /** Where it is bound: with the port the kernel chose when asked for port 0. */
  public SocketAddress localAddress() {
    return localAddress;
  }

  /** The bound address as inet_ntop(3) writes it ({@code 127.0.0.1}, {@code ::1}); null for a unix socket. */
  public String host() {
    return localAddress instanceof InetSocketAddress inet ? SocketAddresses.hostText(inet.getAddress()) : null;
  }

  /** The bound port; null for a unix socket. */
  public Integer port() {
    return localAddress instanceof InetSocketAddress inet ? inet.getPort() : null;
  }

  /** The socket file; null for an inet socket. */
  public String path() {
    return localAddress instanceof UnixDomainSocketAddress unix ? unix.getPath().toString() : null;
  }

  /** {@code 127.0.0.1:8080}, {@code [::1]:8080} or the socket file's path. */
  public String address() {
    return SocketAddresses.text(localAddress);
  }

  @Override
  public synchronized void close() {
    if (closed) return;
    closed = true;
    LibC.close(fd);
    if (localAddress instanceof UnixDomainSocketAddress unix) removeFile(unix.getPath());
  }

  private void removeFile(Path path) {
    try {
      if (Objects.equals(fileKey, SocketBinder.inode(path))) Files.delete(path);
    } catch (IOException e) {
      LOG.warn("cannot remove the socket file {}: {}", path, e.toString());
    }
  }

  @Override
  public String toString() {
    return "socket fd " + fd + " at " + address();
  }
}
