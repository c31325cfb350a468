package io.circus.client;

import io.circus.client.json.JsonReader;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;

/**
 * One message of circusd's events channel, as received: the topic
 * ({@code watcher.<name>.<event>}) and the JSON body, as bytes (circusctl listen prints them as
 * they came).
 */
public record CircusEvent(byte[] topicBytes, byte[] bodyBytes) {

  public String topic() {
    return new String(topicBytes, StandardCharsets.UTF_8);
  }

  /** The body parsed: {@code {"process_pid": ..., "time": ...}} and the like (SPEC §4.1). */
  public JsonObject data() {
    return JsonReader.parseObject(new String(bodyBytes, StandardCharsets.UTF_8));
  }

  /** The watcher part of the topic ({@code web} in {@code watcher.web.spawn}), or null. */
  public String watcher() {
    String[] parts = topic().split("\\.");
    return parts.length >= 3 && parts[0].equals("watcher") ? parts[1] : null;
  }

  /** The event part of the topic ({@code spawn} in {@code watcher.web.spawn}). */
  public String event() {
    String topic = topic();
    return topic.substring(topic.lastIndexOf('.') + 1);
  }
}
