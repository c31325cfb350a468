package io.circus.process;

import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.UnixDomainSocketAddress;
import java.util.Objects;

/**
 * How to create and bind one socket.
 *
 * <ul>
 *   <li>{@code address}: a resolved {@link InetSocketAddress} (its address picks AF_INET or
 *       AF_INET6; port 0 lets the kernel choose) or a {@link UnixDomainSocketAddress};
 *   <li>{@code protocol}: 0 for the family's usual protocol of {@code type}, see
 *       {@link SocketBinder#protocolNumber};
 *   <li>{@code listen}: listen with {@code backlog} once bound (types that accept connections
 *       only); false only reserves the address;
 *   <li>{@code reusePort}: SO_REUSEPORT, so that other sockets with it may bind the same address;
 *   <li>{@code device}: SO_BINDTODEVICE, null for none;
 *   <li>{@code blocking}: false makes the socket non-blocking (for everyone who shares it);
 *   <li>{@code umask}: for a unix socket, its file gets mode {@code 0777 & ~umask}; null leaves
 *       the mode the process umask gives;
 *   <li>{@code replace}: for a unix socket, a socket file already at the path is removed first.
 * </ul>
 * SO_REUSEADDR is set, except on an SO_REUSEPORT reservation ({@link #reservingOnly()}), which
 * only the owners' SO_REUSEPORT sockets may share; the descriptor is close-on-exec (children get
 * copies through {@link PassedFd}).
 */
public record SocketSetup(
    SocketAddress address,
    SocketType type,
    int protocol,
    int backlog,
    boolean listen,
    boolean reusePort,
    String device,
    boolean blocking,
    Integer umask,
    boolean replace) {

  public SocketSetup {
    Objects.requireNonNull(type, "type");
    if (address instanceof InetSocketAddress inet) {
      if (inet.isUnresolved()) throw new IllegalArgumentException("unresolved address " + inet);
    } else if (!(address instanceof UnixDomainSocketAddress)) {
      throw new IllegalArgumentException("an InetSocketAddress or a UnixDomainSocketAddress, not " + address);
    }
  }

  /** True for a unix (AF_UNIX) socket. */
  public boolean isUnix() {
    return address instanceof UnixDomainSocketAddress;
  }

  /** The same socket at another address (the port the kernel chose, for example). */
  public SocketSetup at(SocketAddress newAddress) {
    return new SocketSetup(newAddress, type, protocol, backlog, listen, reusePort, device, blocking, umask, replace);
  }

  /** The same socket, bound but not listening: it holds the address without taking connections. */
  public SocketSetup reservingOnly() {
    return new SocketSetup(address, type, protocol, backlog, false, reusePort, device, blocking, umask, replace);
  }
}
