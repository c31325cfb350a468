package io.circus.zmq;

import java.nio.file.Path;

/**
 * An endpoint the bridge binds, as Circus writes it: {@code tcp://HOST:PORT} (port {@code 0} or
 * {@code *} picks a free port, see {@link TcpListener}) or {@code ipc://PATH} (a Unix-domain socket
 * file, see {@link UnixSocketFile}); both are served by this package's ZMTP server.
 */
public sealed interface ZmqEndpoint {

  /** A TCP endpoint, kept as written; an IPv6 host is written in brackets. */
  record Tcp(String uri) implements ZmqEndpoint {

    boolean ipv6() {
      return uri.startsWith("tcp://[");
    }

    @Override
    public String toString() {
      return uri;
    }
  }

  /** A Unix-domain socket file, by absolute path. */
  record Ipc(Path path) implements ZmqEndpoint {

    @Override
    public String toString() {
      return "ipc://" + path;
    }
  }

  /**
   * Parses an endpoint. A relative ipc path ({@code ipc://var/run/circusd.sock}) is, as in Circus
   * (libzmq binds it as given), relative to the daemon's working directory; {@code ipc:///abs} is
   * absolute.
   *
   * @throws IllegalArgumentException for another transport or a malformed endpoint, with the reason
   */
  static ZmqEndpoint parse(String endpoint, Path workingDirectory) {
    if (endpoint.startsWith("tcp://")) {
      if (!endpoint.matches("tcp://(\\[[0-9A-Fa-f:.]+]|[^:/\\[\\]]+):([0-9]{1,5}|\\*)")) {
        throw new IllegalArgumentException("expected tcp://HOST:PORT");
      }
      return new Tcp(endpoint);
    }
    if (endpoint.startsWith("ipc://")) {
      String path = endpoint.substring("ipc://".length());
      if (path.isEmpty()) {
        throw new IllegalArgumentException("expected ipc://PATH");
      }
      if (path.startsWith("@")) {
        throw new IllegalArgumentException("abstract Unix socket names are not supported, use a file path");
      }
      return new Ipc(workingDirectory.resolve(path).normalize().toAbsolutePath());
    }
    throw new IllegalArgumentException("expected tcp://HOST:PORT or ipc://PATH");
  }
}
