package io.circus.client;

import io.vertx.core.json.JsonObject;

/** One socket circusd holds for its watchers: a TCP socket has host and port, a Unix socket a path. */
public record SocketInfo(int fd, String name, int backlog, String host, Integer port, String path) {

  static SocketInfo of(JsonObject json) {
    return new SocketInfo(json.getInteger("fd"), json.getString("name"), json.getInteger("backlog", 0),
        json.getString("host"), json.getInteger("port"), json.getString("path"));
  }
}
