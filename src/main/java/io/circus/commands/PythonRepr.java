package io.circus.commands;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Texts written the way Python's {@code repr} writes them, for error reasons that must read like
 * Circus's: {@code b'...'} for the request bytes in errno-5 reasons, {@code '...'} for strings.
 */
public final class PythonRepr {

  private PythonRepr() {
  }

  /** {@code repr(bytes)}: b'...' with \\', \\\\, \\t, \\n, \\r and \\xNN escapes. */
  public static String bytes(byte[] value) {
    boolean hasSingle = false;
    boolean hasDouble = false;
    for (byte b : value) {
      hasSingle |= b == '\'';
      hasDouble |= b == '"';
    }
    char quote = hasSingle && !hasDouble ? '"' : '\'';
    StringBuilder out = new StringBuilder("b").append(quote);
    for (byte b : value) {
      int c = b & 0xff;
      if (c == quote || c == '\\') {
        out.append('\\').append((char) c);
      } else if (c == '\t') {
        out.append("\\t");
      } else if (c == '\n') {
        out.append("\\n");
      } else if (c == '\r') {
        out.append("\\r");
      } else if (c < 0x20 || c >= 0x7f) {
        out.append(String.format("\\x%02x", c));
      } else {
        out.append((char) c);
      }
    }
    return out.append(quote).toString();
  }

  public static String bytes(String utf8) {
    return bytes(utf8.getBytes(StandardCharsets.UTF_8));
  }

  /** {@code repr(str)} for simple texts: single quotes unless the text holds one. */
  public static String string(String value) {
    char quote = value.indexOf('\'') >= 0 && value.indexOf('"') < 0 ? '"' : '\'';
    StringBuilder out = new StringBuilder().append(quote);
    for (char c : value.toCharArray()) {
      if (c == quote || c == '\\') {
        out.append('\\').append(c);
      } else if (c == '\n') {
        out.append("\\n");
      } else {
        out.append(c);
      }
    }
    return out.append(quote).toString();
  }

  /** {@code repr()} of a JSON value as Python holds it: dicts, lists, str, int, float, True/False/None. */
  public static String value(Object value) {
    if (value == null) return "None";
    if (value instanceof Boolean b) return b ? "True" : "False";
    if (value instanceof String s) return string(s);
    if (value instanceof JsonObject o) return value(o.getMap());
    if (value instanceof JsonArray a) return value(a.getList());
    if (value instanceof Map<?, ?> m) {
      return m.entrySet().stream().map(e -> value(e.getKey()) + ": " + value(e.getValue()))
          .collect(Collectors.joining(", ", "{", "}"));
    }
    if (value instanceof java.util.List<?> l) {
      return l.stream().map(PythonRepr::value).collect(Collectors.joining(", ", "[", "]"));
    }
    return value.toString();
  }
}
