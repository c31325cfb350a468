package io.circus.e2e;

import io.vertx.core.json.Json;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.stream.Collectors;

/**
 * JSON text as Python's {@code json.dumps} writes it by default ({@code ", "} and {@code ": "}
 * separators, non-ASCII escaped): the bytes the capture driver sent, which circusd quotes back in
 * errno-5 reasons ({@code command b'<request>': ...}).
 */
final class PythonJson {

  private PythonJson() {
  }

  static String encode(Object value) {
    if (value instanceof JsonObject object) {
      return object.stream().map(e -> text(e.getKey()) + ": " + encode(e.getValue())).collect(Collectors.joining(", ", "{", "}"));
    }
    if (value instanceof JsonArray array) {
      return array.stream().map(PythonJson::encode).collect(Collectors.joining(", ", "[", "]"));
    }
    return value instanceof String text ? text(text) : Json.encode(value);
  }

  private static String text(String text) {
    StringBuilder ascii = new StringBuilder();
    for (char c : Json.encode(text).toCharArray()) {
      ascii.append(c < 0x7f ? String.valueOf(c) : String.format("\\u%04x", (int) c));
    }
    return ascii.toString();
  }
}
