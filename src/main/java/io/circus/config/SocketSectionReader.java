package io.circus.config;

import io.circus.process.SocketBinder;
import java.util.List;
import java.util.Optional;

/** A {@code [socket:NAME]} section into a {@link SocketSpec}, with Circus's defaults; any other key is an error. */
final class SocketSectionReader {

  static final List<String> OPTIONS = List.of("host", "port", "path", "family", "type", "proto", "backlog", "umask",
      "replace", "so_reuseport", "interface", "blocking", "use_papa");
  private static final List<String> FAMILIES = List.of("AF_INET", "AF_INET6", "AF_UNIX");
  private static final List<String> TYPES = List.of("SOCK_STREAM", "SOCK_DGRAM", "SOCK_RAW", "SOCK_RDM", "SOCK_SEQPACKET");
  private static final String AF_UNIX = "AF_UNIX";
  private static final int DEFAULT_PORT = 8080;
  private static final int DEFAULT_BACKLOG = 2048;
  // Circus's default umask for unix socket files is the decimal number 8, i.e. 0o010.
  private static final int DEFAULT_UMASK = 8;
  // IFNAMSIZ is 16, with the terminating NUL.
  private static final int MAX_INTERFACE_NAME = 15;

  private SocketSectionReader() {
  }

  /** @param name the socket's name, already lower-cased */
  static Optional<SocketSpec> read(String name, SectionOptions o) {
    int errorsBefore = o.diagnostics().errorCount();
    String path = o.text("path", null);
    if (path != null && path.isBlank()) o.invalid("path", "the path of the unix socket file, not empty");
    String family = o.value("family", path == null ? "AF_INET" : AF_UNIX, v -> Values.oneOf(v, FAMILIES));
    if (path != null && !family.equals(AF_UNIX)) o.invalid("family", "AF_UNIX or nothing, since path makes a unix socket");
    if (path == null && family.equals(AF_UNIX)) o.invalid("path", "a path: an AF_UNIX socket needs one");
    String proto = o.text("proto", null);
    if (proto != null) checkProtocol(o, proto);
    String type = o.value("type", "SOCK_STREAM", v -> Values.oneOf(v, TYPES));
    boolean reusePort = o.value("so_reuseport", false, Values::bool);
    if (reusePort) checkReusePort(o, family, type);
    String iface = o.text("interface", null);
    if (iface != null) checkInterface(o, iface, family);
    SocketSpec spec = new SocketSpec(name,
        o.text("host", "localhost"),
        o.value("port", DEFAULT_PORT, v -> Values.integer(v, 0, ArbiterSectionReader.MAX_PORT)),
        family,
        type,
        proto,
        o.value("backlog", DEFAULT_BACKLOG, v -> Values.integer(v, 0, Integer.MAX_VALUE)),
        path,
        // Circus reads this umask as a decimal number; here it is octal like every other umask,
        // so that "umask = 022" means 0o022 (Circus would take it as 0o026).
        o.value("umask", DEFAULT_UMASK, Values::octal),
        o.value("replace", false, Values::bool),
        reusePort,
        iface,
        o.value("blocking", false, Values::bool),
        o.value("use_papa", false, Values::bool),
        o.origin());
    for (IniOption unknown : o.unreadOwn()) {
      o.invalid(unknown, "an option of [socket:NAME]: " + String.join(", ", OPTIONS));
    }
    return o.diagnostics().errorCount() == errorsBefore ? Optional.of(spec) : Optional.empty();
  }

  /**
   * circusd keeps an so_reuseport address bound (not listening) so that every process binds the
   * same port, even port 0; a datagram socket held that way would get part of the traffic itself.
   */
  private static void checkReusePort(SectionOptions o, String family, String type) {
    if (family.equals(AF_UNIX)) {
      o.invalid("so_reuseport", "false for a unix socket: SO_REUSEPORT shares an AF_INET or AF_INET6 port");
    } else if (!type.equals("SOCK_STREAM") && !type.equals("SOCK_SEQPACKET")) {
      o.invalid("so_reuseport", "false for a " + type + " socket: so_reuseport is for SOCK_STREAM and SOCK_SEQPACKET sockets");
    }
  }

  private static void checkInterface(SectionOptions o, String iface, String family) {
    if (family.equals(AF_UNIX)) {
      o.invalid("interface", "no interface for a unix socket: it binds AF_INET and AF_INET6 sockets to a device");
    } else if (iface.isBlank() || iface.length() > MAX_INTERFACE_NAME || iface.contains("/") || iface.contains(" ")) {
      o.invalid("interface", "a network interface name such as eth0 (1 to " + MAX_INTERFACE_NAME + " characters)");
    }
  }

  private static void checkProtocol(SectionOptions o, String proto) {
    if (proto.isBlank() || !isKnownProtocol(proto)) {
      o.invalid("proto", "a protocol name of /etc/protocols such as tcp or udp, or no proto option");
    }
  }

  private static boolean isKnownProtocol(String name) {
    try {
      SocketBinder.protocolNumber(name);
      return true;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }
}
