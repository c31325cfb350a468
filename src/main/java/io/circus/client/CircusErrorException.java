package io.circus.client;

import io.vertx.core.json.JsonObject;

/**
 * circusd answered {@code "status": "error"}: {@link #errno()} says what kind of error (SPEC §1.5:
 * 1 invalid JSON, 2 unknown command, 3 bad message or not found, 4 OS error, 5 command error,
 * 6 failed asynchronous operation), {@link #reason()} is the daemon's text, {@link #reply()} the
 * whole reply.
 */
public final class CircusErrorException extends CircusClientException {

  private final int errno;
  private final String reason;
  private final transient JsonObject reply;

  public CircusErrorException(JsonObject reply) {
    super(reply.getString("reason", "unknown error"));
    this.errno = reply.getValue("errno") instanceof Number n ? n.intValue() : 0;
    this.reason = reply.getString("reason", "unknown error");
    this.reply = reply;
  }

  public int errno() {
    return errno;
  }

  public String reason() {
    return reason;
  }

  public JsonObject reply() {
    return reply;
  }
}
