package io.circus.commands;

import io.circus.arbiter.EpochTime;
import io.vertx.core.json.JsonObject;
import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * Circus's reply objects (SPEC.md §1.4), keys in Circus's order: {@code status, time, <fields>,
 * id} for success and {@code status, reason, tb, time, errno, id} for errors.
 */
final class Replies {

  private static final int TB_FRAMES = 8;

  private Replies() {
  }

  /** Success with the command's fields merged at the top level (a {@code status} field wins over "ok"). */
  static JsonObject ok(JsonObject fields, Object id) {
    JsonObject reply = new JsonObject().put("status", "ok").put("time", EpochTime.now());
    fields.forEach(e -> reply.put(e.getKey(), e.getValue()));
    return reply.put("id", id);
  }

  static JsonObject error(int errno, String reason, String tb, Object id) {
    return new JsonObject().put("status", "error").put("reason", reason).put("tb", tb).put("time", EpochTime.now())
        .put("errno", errno).put("id", id);
  }

  /** A command error; an errno-5 one is worded {@code command b'<request>': <reason>}, as Circus does. */
  static JsonObject error(CommandError e, byte[] request, Object id) {
    if (!e.prefixed()) {
      return error(e.errno(), e.reason(), null, id);
    }
    return error(e.errno(), "command " + PythonRepr.bytes(request) + ": " + e.reason(), trace(e), id);
  }

  /** An unexpected exception in a command: errno 5 with a short Java stack as the traceback. */
  static JsonObject unexpected(Throwable e, byte[] request, Object id) {
    return error(Errno.COMMAND_ERROR, "command " + PythonRepr.bytes(request) + ": " + e, trace(e), id);
  }

  private static String trace(Throwable e) {
    return e.getClass().getName() + ": " + e.getMessage() + Arrays.stream(e.getStackTrace()).limit(TB_FRAMES)
        .map(frame -> "\n  at " + frame).collect(Collectors.joining());
  }
}
