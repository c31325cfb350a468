package io.circus.sockets;

import io.circus.config.SocketSpec;
import io.circus.process.BoundSocket;
import io.circus.process.PassedFd;
import io.circus.process.SocketSetup;
import io.vertx.core.json.JsonObject;

/**
 * A {@code [socket:NAME]} that circusd has bound. Immutable once made; closing belongs to
 * {@link CircusSockets}. An {@code so_reuseport} socket is held bound but not listening: it keeps
 * the address (the port the kernel chose for port 0 too) while each process gets a socket of its
 * own, bound to that same address, as {@link #passedFd()} says.
 */
public final class CircusSocket {

  private final SocketSpec spec;
  private final BoundSocket bound;
  /** How each process's own socket is made; null unless so_reuseport. */
  private final SocketSetup perProcess;

  CircusSocket(SocketSpec spec, BoundSocket bound, SocketSetup perProcess) {
    this.spec = spec;
    this.bound = bound;
    this.perProcess = perProcess;
  }

  public String name() {
    return spec.name();
  }

  public SocketSpec spec() {
    return spec;
  }

  /** circusd's descriptor of it. */
  public int fd() {
    return bound.fd();
  }

  /** {@code host:port} as bound (the real port when port 0 was asked for), or the unix socket's path. */
  public String address() {
    return bound.address();
  }

  /** What a process is given: this very socket, or (so_reuseport) one bound for it alone. */
  public PassedFd passedFd() {
    return perProcess == null ? PassedFd.of(bound.fd()) : new PassedFd.OwnSocket(perProcess);
  }

  /** Its {@code listsockets} entry: fd, name, backlog, then host and port, or path. */
  public JsonObject info() {
    JsonObject info = new JsonObject().put("fd", fd()).put("name", name()).put("backlog", spec.backlog());
    if (bound.path() != null) return info.put("path", bound.path());
    return info.put("host", bound.host()).put("port", bound.port());
  }

  void close() {
    bound.close();
  }

  @Override
  public String toString() {
    return "socket '" + name() + "' at " + address() + " (fd " + fd() + ")";
  }
}
