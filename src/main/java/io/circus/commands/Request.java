package io.circus.commands;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.Json;
import io.vertx.core.json.JsonObject;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * One request to the controller, read from a bus message body: the raw bytes a ZMQ client sent
 * (a {@link Buffer}) or a JSON object (clients on the bus). Reading follows SPEC.md §1.6, except
 * that what makes Circus 0.19 crash and stop answering (an empty payload, JSON that is not an
 * object, a missing or non-text {@code command}) is answered with errno 3 "invalid message", as
 * its Recommendation says.
 */
record Request(byte[] payload, Object id, String command, Props properties, boolean cast) {

  /** A message that could not be read as a request, with the reply it gets (null: none). */
  static final class Unreadable extends Exception {
    private final JsonObject reply;

    Unreadable(JsonObject reply) {
      super(reply.getString("reason"), null, false, false);
      this.reply = reply;
    }

    JsonObject reply() {
      return reply;
    }
  }

  static Request read(Object body) throws Unreadable {
    if (body instanceof JsonObject object) {
      return fromObject(object.toBuffer().getBytes(), object);
    }
    byte[] payload = strip(bytesOf(body));
    if (payload.length == 0) {
      throw new Unreadable(Replies.error(Errno.MESSAGE_ERROR, "invalid message: empty command", null, null));
    }
    Object decoded;
    try {
      decoded = Json.decodeValue(utf8(payload));
    } catch (CharacterCodingException | DecodeException e) {
      throw new Unreadable(Replies.error(Errno.INVALID_JSON, "json invalid", null, null));
    }
    if (!(decoded instanceof JsonObject object)) {
      throw new Unreadable(Replies.error(Errno.MESSAGE_ERROR, "invalid message: not a JSON object", null, null));
    }
    return fromObject(payload, object);
  }

  private static Request fromObject(byte[] payload, JsonObject object) throws Unreadable {
    Object id = object.getValue("id");
    boolean cast = "cast".equals(object.getValue("msg_type"));
    if (!(object.getValue("command") instanceof String command)) {
      throw new Unreadable(cast ? null : Replies.error(Errno.MESSAGE_ERROR, "invalid message: no command", null, id));
    }
    Object properties = object.getValue("properties");
    if (properties != null && !(properties instanceof JsonObject)) {
      throw new Unreadable(cast ? null : Replies.error(Errno.MESSAGE_ERROR, "invalid message: 'properties' should be an object", null, id));
    }
    return new Request(payload, id, command, new Props((JsonObject) properties), cast);
  }

  private static byte[] bytesOf(Object body) {
    if (body instanceof Buffer buffer) return buffer.getBytes();
    if (body instanceof byte[] bytes) return bytes;
    return String.valueOf(body).getBytes(StandardCharsets.UTF_8);
  }

  /** Python's bytes.strip(): ASCII whitespace at both ends. */
  private static byte[] strip(byte[] bytes) {
    int start = 0;
    int end = bytes.length;
    while (start < end && isAsciiSpace(bytes[start])) start++;
    while (end > start && isAsciiSpace(bytes[end - 1])) end--;
    return Arrays.copyOfRange(bytes, start, end);
  }

  private static boolean isAsciiSpace(byte b) {
    return b == ' ' || b == '\t' || b == '\n' || b == '\r' || b == 0x0b || b == 0x0c;
  }

  private static String utf8(byte[] bytes) throws CharacterCodingException {
    return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
  }
}
