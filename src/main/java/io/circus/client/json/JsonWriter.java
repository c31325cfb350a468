package io.circus.client.json;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Writes JSON as Python's {@code json.dumps} does, so that what circusctl sends and prints is
 * byte for byte what the Python client sends and prints: {@code ", "} and {@code ": "} between
 * items, every character outside printable ASCII escaped as {@code \}{@code uXXXX}, floats as
 * Python's {@code repr}, {@code NaN}/{@code Infinity} for the special floats. The indented form is
 * {@code json.dumps(value, indent=2, sort_keys=True)}.
 */
public final class JsonWriter {

  private static final char[] HEX = "0123456789abcdef".toCharArray();

  private final StringBuilder out = new StringBuilder();
  private final boolean indented;

  private JsonWriter(boolean indented) {
    this.indented = indented;
  }

  /** {@code json.dumps(value)}. */
  public static String compact(Object value) {
    JsonWriter writer = new JsonWriter(false);
    writer.value(value, 0);
    return writer.out.toString();
  }

  /** {@code json.dumps(value, indent=2, sort_keys=True)}. */
  public static String indented(Object value) {
    JsonWriter writer = new JsonWriter(true);
    writer.value(value, 0);
    return writer.out.toString();
  }

  private void value(Object value, int depth) {
    if (value == null) {
      out.append("null");
    } else if (value instanceof String s) {
      string(s);
    } else if (value instanceof Boolean b) {
      out.append(b ? "true" : "false");
    } else if (value instanceof Double || value instanceof Float) {
      floating(((Number) value).doubleValue());
    } else if (value instanceof Number n) {
      out.append(n instanceof BigInteger ? n.toString() : Long.toString(n.longValue()));
    } else if (value instanceof JsonObject object) {
      object(object.getMap(), depth);
    } else if (value instanceof Map<?, ?> map) {
      object(map, depth);
    } else if (value instanceof JsonArray array) {
      array(array.getList(), depth);
    } else if (value instanceof List<?> list) {
      array(list, depth);
    } else if (value instanceof Enum<?> e) {
      string(e.name());
    } else {
      throw new IllegalArgumentException("not a JSON value: " + value.getClass().getName());
    }
  }

  private void floating(double d) {
    if (Double.isNaN(d)) out.append("NaN");
    else if (Double.isInfinite(d)) out.append(d > 0 ? "Infinity" : "-Infinity");
    else out.append(PythonFloat.repr(d));
  }

  private void object(Map<?, ?> map, int depth) {
    if (map.isEmpty()) {
      out.append("{}");
      return;
    }
    List<Map.Entry<?, ?>> entries = new ArrayList<>(map.entrySet());
    if (indented) {
      entries.sort((a, b) -> String.valueOf(a.getKey()).compareTo(String.valueOf(b.getKey())));
    }
    out.append('{');
    for (int i = 0; i < entries.size(); i++) {
      separator(i, depth + 1);
      string(String.valueOf(entries.get(i).getKey()));
      out.append(": ");
      value(entries.get(i).getValue(), depth + 1);
    }
    closing(depth, '}');
  }

  private void array(List<?> list, int depth) {
    if (list.isEmpty()) {
      out.append("[]");
      return;
    }
    out.append('[');
    for (int i = 0; i < list.size(); i++) {
      separator(i, depth + 1);
      value(list.get(i), depth + 1);
    }
    closing(depth, ']');
  }

  private void separator(int index, int depth) {
    if (indented) {
      if (index > 0) out.append(',');
      newline(depth);
    } else if (index > 0) {
      out.append(", ");
    }
  }

  private void closing(int depth, char bracket) {
    if (indented) newline(depth);
    out.append(bracket);
  }

  private void newline(int depth) {
    out.append('\n');
    for (int i = 0; i < depth; i++) out.append("  ");
  }

  private void string(String s) {
    out.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        case '\b' -> out.append("\\b");
        case '\f' -> out.append("\\f");
        default -> {
          if (c >= ' ' && c <= '~') {
            out.append(c);
          } else {
            out.append("\\u").append(HEX[c >> 12 & 0xf]).append(HEX[c >> 8 & 0xf]).append(HEX[c >> 4 & 0xf])
                .append(HEX[c & 0xf]);
          }
        }
      }
    }
    out.append('"');
  }
}
