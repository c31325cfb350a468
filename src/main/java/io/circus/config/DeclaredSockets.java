package io.circus.config;

import java.util.Set;

/**
 * What watcher sections may refer to: the names of every {@code [socket:NAME]} section (those
 * with errors too, which are reported once, at the socket), and which of them have
 * {@code so_reuseport}. Names are lower-case.
 */
record DeclaredSockets(Set<String> names, Set<String> reusePort) {

  DeclaredSockets {
    names = Set.copyOf(names);
    reusePort = Set.copyOf(reusePort);
  }
}
