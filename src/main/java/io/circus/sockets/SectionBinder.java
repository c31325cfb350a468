package io.circus.sockets;

import io.circus.config.ConfigError;
import io.circus.config.ConfigException;
import io.circus.config.SocketSpec;
import io.circus.process.BoundSocket;
import io.circus.process.SocketBindException;
import io.circus.process.SocketBinder;
import io.circus.process.SocketSetup;
import io.circus.process.SocketType;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.UnixDomainSocketAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.Optional;

/**
 * Binds the socket a {@code [socket:NAME]} section describes: resolves its host for the family
 * asked, creates it through the native layer, and turns a failure into a {@link ConfigError}
 * that names the option at fault. Blocking (the host may need DNS): call it on a worker thread.
 */
final class SectionBinder {

  private static final String SOCK_PREFIX = "SOCK_";

  private SectionBinder() {
  }

  /** @throws ConfigException with the one error that stopped it */
  static CircusSocket bind(SocketSpec spec) {
    SocketSetup setup = setup(spec);
    try {
      if (!spec.soReusePort()) return new CircusSocket(spec, SocketBinder.bind(setup), null);
      BoundSocket reservation = SocketBinder.bind(setup.reservingOnly());
      return new CircusSocket(spec, reservation, setup.at(reservation.localAddress()));
    } catch (SocketBindException e) {
      throw new ConfigException(error(spec, e));
    }
  }

  private static SocketSetup setup(SocketSpec spec) {
    SocketAddress address = spec.path() != null ? UnixDomainSocketAddress.of(spec.path())
        : new InetSocketAddress(resolve(spec), spec.port());
    int protocol = spec.proto() == null ? 0 : protocol(spec);
    return new SocketSetup(address, SocketType.valueOf(spec.type().substring(SOCK_PREFIX.length())), protocol,
        spec.backlog(), true, spec.soReusePort(), spec.iface(), spec.blocking(), spec.umask(), spec.replace());
  }

  private static int protocol(SocketSpec spec) {
    try {
      return SocketBinder.protocolNumber(spec.proto());
    } catch (IllegalArgumentException e) {
      throw new ConfigException(error(spec, "proto", spec.proto(), "a protocol name of /etc/protocols: " + e.getMessage()));
    }
  }

  /** The first address of the host in the socket's family; an empty host means every address. */
  private static InetAddress resolve(SocketSpec spec) {
    boolean v6 = spec.family().equals("AF_INET6");
    try {
      if (spec.host().isEmpty()) return InetAddress.getByName(v6 ? "::" : "0.0.0.0");
      Optional<InetAddress> match = Arrays.stream(InetAddress.getAllByName(spec.host()))
          .filter(a -> v6 ? a instanceof Inet6Address : a instanceof Inet4Address).findFirst();
      return match.orElseThrow(() -> new ConfigException(error(spec, "host", spec.host(),
          "a host with an " + (v6 ? "IPv6" : "IPv4") + " address, as family = " + spec.family() + " asks")));
    } catch (UnknownHostException e) {
      throw new ConfigException(error(spec, "host", spec.host(), "a host name or address that resolves: " + e.getMessage()));
    }
  }

  private static ConfigError error(SocketSpec spec, SocketBindException e) {
    return switch (e.step()) {
      case CREATE -> error(spec, "type", spec.type(), "a socket this system can create: " + e.getMessage());
      case DEVICE -> error(spec, "interface", spec.iface(), "a network interface of this machine: " + e.getMessage());
      case FILE -> error(spec, "path", spec.path(),
          "a path where no file is, or replace = true to remove a stale socket file: " + e.getMessage());
      case BIND -> bindError(spec, e);
      case PERMISSIONS -> error(spec, "umask", Integer.toOctalString(spec.umask()), "a umask circusd can apply: " + e.getMessage());
      case LISTEN -> error(spec, "backlog", Integer.toString(spec.backlog()), "a backlog listen(2) accepts: " + e.getMessage());
    };
  }

  private static ConfigError bindError(SocketSpec spec, SocketBindException e) {
    if (spec.path() != null) return error(spec, "path", spec.path(), "a path where circusd may create a socket: " + e.getMessage());
    return switch (e.errno()) {
      case Errno.EADDRNOTAVAIL -> error(spec, "host", spec.host(), "an address of this machine: " + e.getMessage());
      case Errno.EACCES -> error(spec, "port", Integer.toString(spec.port()),
          "a port circusd may bind (below 1024 needs root or CAP_NET_BIND_SERVICE): " + e.getMessage());
      default -> error(spec, "port", Integer.toString(spec.port()), "a port no other socket is bound to: " + e.getMessage());
    };
  }

  /** An error about the section: its file, and its header's line, come from the spec's source. */
  private static ConfigError error(SocketSpec spec, String option, String value, String expected) {
    String file = spec.source();
    String line = "";
    int colon = file == null ? -1 : file.lastIndexOf(':');
    if (colon > 0 && colon < file.length() - 1 && file.substring(colon + 1).chars().allMatch(Character::isDigit)) {
      line = " (section at line " + file.substring(colon + 1) + ")";
      file = file.substring(0, colon);
    }
    return new ConfigError(file, "socket:" + spec.name(), option, value, expected + line);
  }

  /** The error numbers the messages above tell apart (Linux). */
  private static final class Errno {
    static final int EACCES = 13;
    static final int EADDRNOTAVAIL = 99;
  }
}
