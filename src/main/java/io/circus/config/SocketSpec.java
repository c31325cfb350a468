package io.circus.config;

/**
 * A {@code [socket:NAME]} section (SPEC.md §9.6). {@code family} is {@code AF_INET},
 * {@code AF_INET6} or {@code AF_UNIX} (a {@code path} forces AF_UNIX); {@code type} is one of the
 * {@code SOCK_*} names; {@code umask} applies to unix socket files; {@code proto} and
 * {@code iface} are null when not set; {@code source} is where the section was declared
 * ({@code file:line}), or null.
 */
public record SocketSpec(
    String name,
    String host,
    int port,
    String family,
    String type,
    String proto,
    int backlog,
    String path,
    int umask,
    boolean replace,
    boolean soReusePort,
    String iface,
    boolean blocking,
    boolean usePapa,
    String source) {

  /** The same socket with another source (the diff compares sockets without it). */
  public SocketSpec withSource(String newSource) {
    return new SocketSpec(name, host, port, family, type, proto, backlog, path, umask, replace, soReusePort, iface,
        blocking, usePapa, newSource);
  }
}
