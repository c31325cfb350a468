package io.circus.arbiter;

import io.circus.config.WatcherSpec;
import io.circus.process.PassedFd;
import io.circus.process.SpawnRequest;
import io.circus.process.Stdio;
import io.circus.sockets.CircusSocket;
import io.circus.sockets.CircusSockets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The sockets one process gets: the inherited ones as fds 3, 4, ... (with the fd number each
 * {@code $(circus.sockets.NAME)} becomes), and its {@code stdin_socket} as fd 0.
 */
record ChildSockets(List<PassedFd> passed, Map<String, Object> placeholders, Optional<Stdio> stdin) {

  /** @throws IllegalArgumentException when the watcher uses a socket that is not bound */
  static ChildSockets of(WatcherSpec spec, CircusSockets sockets) {
    List<PassedFd> passed = new ArrayList<>();
    Map<String, Object> placeholders = new LinkedHashMap<>();
    for (String name : spec.inheritedSockets(sockets.names())) {
      placeholders.put("sockets." + name, SpawnRequest.FIRST_PASSED_FD + passed.size());
      passed.add(bound(sockets, name, spec).passedFd());
    }
    Optional<Stdio> stdin = Optional.ofNullable(spec.stdinSocket())
        .map(name -> new Stdio.Fd(bound(sockets, name, spec).fd()));
    return new ChildSockets(passed, placeholders, stdin);
  }

  private static CircusSocket bound(CircusSockets sockets, String name, WatcherSpec spec) {
    return sockets.get(name).orElseThrow(() -> new IllegalArgumentException(
        "watcher '" + spec.name() + "' uses the socket '" + name + "', which is not bound"));
  }
}
