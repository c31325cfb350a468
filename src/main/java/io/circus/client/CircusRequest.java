package io.circus.client;

import io.vertx.core.json.JsonObject;

/**
 * One message to circusd, laid out as the Python client lays it out (SPEC §1.3): a call is
 * {@code {"command", "properties", "id"}}; a cast is {@code {"command", "msg_type": "cast",
 * "properties"}} and carries no id, since no reply will name it.
 */
public record CircusRequest(String command, JsonObject properties, String id) {

  public CircusRequest {
    properties = properties == null ? new JsonObject() : properties;
  }

  /** A call with a fresh {@code uuid4().hex}-style id. */
  public static CircusRequest call(String command, JsonObject properties) {
    return new CircusRequest(command, properties, RequestIds.next());
  }

  /** A cast: the daemon runs the command and sends nothing back. */
  public static CircusRequest cast(String command, JsonObject properties) {
    return new CircusRequest(command, properties, null);
  }

  public boolean isCast() {
    return id == null;
  }

  public JsonObject toJson() {
    JsonObject json = new JsonObject().put("command", command);
    if (isCast()) {
      json.put("msg_type", "cast");
    }
    json.put("properties", properties);
    if (!isCast()) {
      json.put("id", id);
    }
    return json;
  }
}
