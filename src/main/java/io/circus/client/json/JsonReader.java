package io.circus.client.json;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads JSON as Python's {@code json.loads} does, which is what Circus sends: standard JSON plus
 * {@code NaN}, {@code Infinity} and {@code -Infinity}; a repeated key keeps its first position
 * and its last value. Objects keep their key order. Integers become {@code Integer}, {@code Long}
 * or {@code BigInteger} by size, other numbers {@code Double}.
 *
 * <p>Hand-written rather than Vert.x's {@code Json} codec: that one starts Jackson and the
 * logging back-end, which costs circusctl more start-up time than the whole command.
 */
public final class JsonReader {

  private final String text;
  private int position;

  private JsonReader(String text) {
    this.text = text;
  }

  /** Parses one JSON value surrounded by optional whitespace. */
  public static Object parse(String text) {
    JsonReader reader = new JsonReader(text);
    Object value = reader.value();
    reader.skipWhitespace();
    if (reader.position != text.length()) {
      throw reader.error("extra data");
    }
    return value;
  }

  /** Parses a JSON object. */
  public static JsonObject parseObject(String text) {
    Object value = parse(text);
    if (value instanceof JsonObject object) {
      return object;
    }
    throw new IllegalArgumentException("expected a JSON object, got: " + abbreviate(text));
  }

  private Object value() {
    skipWhitespace();
    if (position >= text.length()) {
      throw error("expecting a value");
    }
    char c = text.charAt(position);
    switch (c) {
      case '{':
        return object();
      case '[':
        return array();
      case '"':
        return string();
      default:
        return literalOrNumber(c);
    }
  }

  private JsonObject object() {
    position++;
    Map<String, Object> map = new LinkedHashMap<>();
    skipWhitespace();
    if (peek() == '}') {
      position++;
      return new JsonObject(map);
    }
    while (true) {
      skipWhitespace();
      if (peek() != '"') throw error("expecting a property name in double quotes");
      String key = string();
      skipWhitespace();
      expect(':');
      map.put(key, value());
      skipWhitespace();
      char next = next();
      if (next == '}') return new JsonObject(map);
      if (next != ',') throw error("expecting ',' or '}'");
    }
  }

  private JsonArray array() {
    position++;
    List<Object> list = new ArrayList<>();
    skipWhitespace();
    if (peek() == ']') {
      position++;
      return new JsonArray(list);
    }
    while (true) {
      list.add(value());
      skipWhitespace();
      char next = next();
      if (next == ']') return new JsonArray(list);
      if (next != ',') throw error("expecting ',' or ']'");
    }
  }

  private String string() {
    position++;
    StringBuilder out = new StringBuilder();
    while (true) {
      char c = next();
      if (c == '"') return out.toString();
      if (c < 0x20) throw error("invalid control character in a string");
      if (c != '\\') {
        out.append(c);
        continue;
      }
      char escaped = next();
      switch (escaped) {
        case '"', '\\', '/' -> out.append(escaped);
        case 'b' -> out.append('\b');
        case 'f' -> out.append('\f');
        case 'n' -> out.append('\n');
        case 'r' -> out.append('\r');
        case 't' -> out.append('\t');
        case 'u' -> out.append(hexCharacter());
        default -> throw error("invalid escape");
      }
    }
  }

  private char hexCharacter() {
    if (position + 4 > text.length()) throw error("truncated \\u escape");
    try {
      char c = (char) Integer.parseInt(text.substring(position, position + 4), 16);
      position += 4;
      return c;
    } catch (NumberFormatException e) {
      throw error("invalid \\u escape");
    }
  }

  private Object literalOrNumber(char first) {
    if (text.startsWith("true", position)) return literal("true", Boolean.TRUE);
    if (text.startsWith("false", position)) return literal("false", Boolean.FALSE);
    if (text.startsWith("null", position)) return literal("null", null);
    if (text.startsWith("NaN", position)) return literal("NaN", Double.NaN);
    if (text.startsWith("Infinity", position)) return literal("Infinity", Double.POSITIVE_INFINITY);
    if (text.startsWith("-Infinity", position)) return literal("-Infinity", Double.NEGATIVE_INFINITY);
    if (first == '-' || (first >= '0' && first <= '9')) return number();
    throw error("expecting a value");
  }

  private Object literal(String word, Object value) {
    position += word.length();
    return value;
  }

  private Object number() {
    int start = position;
    if (peek() == '-') position++;
    int digitsStart = position;
    skipDigits();
    if (position == digitsStart) throw error("expecting a value");
    boolean integral = true;
    if (peek() == '.') {
      integral = false;
      position++;
      skipDigits();
    }
    if (peek() == 'e' || peek() == 'E') {
      integral = false;
      position++;
      if (peek() == '+' || peek() == '-') position++;
      skipDigits();
    }
    String literal = text.substring(start, position);
    try {
      if (!integral) return Double.parseDouble(literal);
      BigInteger big = new BigInteger(literal);
      if (big.bitLength() < 32) return big.intValue();
      if (big.bitLength() < 64) return big.longValue();
      return big;
    } catch (NumberFormatException e) {
      throw error("invalid number " + literal);
    }
  }

  private void skipDigits() {
    while (position < text.length() && Character.isDigit(text.charAt(position)) && text.charAt(position) < 128) {
      position++;
    }
  }

  private void skipWhitespace() {
    while (position < text.length()) {
      char c = text.charAt(position);
      if (c != ' ' && c != '\t' && c != '\n' && c != '\r') return;
      position++;
    }
  }

  private char peek() {
    return position < text.length() ? text.charAt(position) : '\0';
  }

  private char next() {
    if (position >= text.length()) throw error("unexpected end of data");
    return text.charAt(position++);
  }

  private void expect(char c) {
    if (next() != c) throw error("expecting '" + c + "'");
  }

  private IllegalArgumentException error(String what) {
    return new IllegalArgumentException("invalid JSON, " + what + " at character " + position + ": "
        + abbreviate(text));
  }

  private static String abbreviate(String text) {
    return text.length() <= 200 ? text : text.substring(0, 200) + "...";
  }
}
