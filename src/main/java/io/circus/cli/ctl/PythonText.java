package io.circus.cli.ctl;

import io.circus.client.json.PythonFloat;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * JSON values written the way Python's {@code str()} and {@code repr()} write the decoded values,
 * which is how circusctl prints replies: {@code True}/{@code None}, floats as {@code repr},
 * strings quoted only inside lists and dicts ({@code ['a', 'b']}, {@code {'filename': 'x'}}),
 * bytes as {@code b'...'}.
 */
final class PythonText {

  private static final char[] HEX = "0123456789abcdef".toCharArray();

  private PythonText() {
  }

  /** {@code str(value)}: a string as it is, anything else as {@link #repr}. */
  static String str(Object value) {
    return value instanceof String s ? s : repr(value);
  }

  /** {@code repr(value)} of a decoded JSON value. */
  static String repr(Object value) {
    StringBuilder out = new StringBuilder();
    appendRepr(out, value);
    return out.toString();
  }

  private static void appendRepr(StringBuilder out, Object value) {
    if (value == null) {
      out.append("None");
    } else if (value instanceof Boolean b) {
      out.append(b ? "True" : "False");
    } else if (value instanceof Double || value instanceof Float) {
      out.append(PythonFloat.repr(((Number) value).doubleValue()));
    } else if (value instanceof Number n) {
      out.append(n);
    } else if (value instanceof String s) {
      appendStringRepr(out, s);
    } else if (value instanceof JsonObject object) {
      appendDict(out, object.getMap());
    } else if (value instanceof Map<?, ?> map) {
      appendDict(out, map);
    } else if (value instanceof JsonArray array) {
      appendList(out, array.getList());
    } else if (value instanceof List<?> list) {
      appendList(out, list);
    } else {
      out.append(value);
    }
  }

  private static void appendDict(StringBuilder out, Map<?, ?> map) {
    out.append('{');
    Iterator<? extends Map.Entry<?, ?>> entries = map.entrySet().iterator();
    while (entries.hasNext()) {
      Map.Entry<?, ?> entry = entries.next();
      appendRepr(out, entry.getKey());
      out.append(": ");
      appendRepr(out, entry.getValue());
      if (entries.hasNext()) out.append(", ");
    }
    out.append('}');
  }

  private static void appendList(StringBuilder out, List<?> list) {
    out.append('[');
    for (int i = 0; i < list.size(); i++) {
      if (i > 0) out.append(", ");
      appendRepr(out, list.get(i));
    }
    out.append(']');
  }

  /** Python's quoting: single quotes unless the text holds a single quote and no double quote. */
  private static char quoteFor(CharSequence text) {
    boolean single = false;
    boolean dbl = false;
    for (int i = 0; i < text.length(); i++) {
      single |= text.charAt(i) == '\'';
      dbl |= text.charAt(i) == '"';
    }
    return single && !dbl ? '"' : '\'';
  }

  private static void appendStringRepr(StringBuilder out, String s) {
    char quote = quoteFor(s);
    out.append(quote);
    for (int i = 0; i < s.length(); ) {
      int c = s.codePointAt(i);
      i += Character.charCount(c);
      if (c == quote || c == '\\') {
        out.append('\\').appendCodePoint(c);
      } else if (c == '\n') {
        out.append("\\n");
      } else if (c == '\r') {
        out.append("\\r");
      } else if (c == '\t') {
        out.append("\\t");
      } else if (isPrintable(c)) {
        out.appendCodePoint(c);
      } else if (c <= 0xff) {
        out.append("\\x").append(HEX[c >> 4]).append(HEX[c & 0xf]);
      } else if (c <= 0xffff) {
        out.append("\\u").append(String.format("%04x", c));
      } else {
        out.append("\\U").append(String.format("%08x", c));
      }
    }
    out.append(quote);
  }

  /** Close to Python's {@code str.isprintable()}: not a control, format, separator or unassigned character. */
  private static boolean isPrintable(int c) {
    if (c == ' ') return true;
    switch (Character.getType(c)) {
      case Character.CONTROL, Character.FORMAT, Character.SURROGATE, Character.PRIVATE_USE, Character.UNASSIGNED,
          Character.SPACE_SEPARATOR, Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR -> {
        return false;
      }
      default -> {
        return true;
      }
    }
  }

  /** {@code repr(bytes)}: {@code b'...'}, printable ASCII as is, other bytes as {@code \xNN}. */
  static String bytesRepr(byte[] bytes) {
    StringBuilder text = new StringBuilder(bytes.length + 3);
    for (byte b : bytes) text.append((char) (b & 0xff));
    char quote = quoteFor(text);
    StringBuilder out = new StringBuilder(bytes.length + 3).append('b').append(quote);
    for (byte b : bytes) {
      int c = b & 0xff;
      if (c == quote || c == '\\') out.append('\\').append((char) c);
      else if (c == '\n') out.append("\\n");
      else if (c == '\r') out.append("\\r");
      else if (c == '\t') out.append("\\t");
      else if (c >= 0x20 && c < 0x7f) out.append((char) c);
      else out.append("\\x").append(HEX[c >> 4]).append(HEX[c & 0xf]);
    }
    return out.append(quote).toString();
  }
}
