package io.circus.commands;

import io.circus.process.Signals;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * A request's {@code properties}, read the way Circus reads them: presence of required keys,
 * truthiness of flags, integers that may come as decimal text. Every problem is a
 * {@link CommandError} with Circus's wording.
 */
public final class Props {

  private final JsonObject values;

  public Props(JsonObject values) {
    this.values = values == null ? new JsonObject() : values;
  }

  public JsonObject json() {
    return values;
  }

  public boolean has(String key) {
    return values.containsKey(key);
  }

  /** The value of a required property, any JSON type. */
  public Object required(String key) {
    if (!values.containsKey(key)) {
      throw CommandError.missing(key);
    }
    return values.getValue(key);
  }

  /** A required property used as a name: JSON text, or the text of a number. */
  public String requiredName(String key) {
    return String.valueOf(required(key));
  }

  /** An optional name; null when absent. */
  public String optionalName(String key) {
    Object value = values.getValue(key);
    return value == null ? null : String.valueOf(value);
  }

  /** Python truthiness, as Circus reads {@code waiting}, {@code start}, {@code nostop}, ... */
  public boolean flag(String key) {
    return truthy(values.getValue(key));
  }

  /** A flag with a default when absent. */
  public boolean flag(String key, boolean absent) {
    return values.containsKey(key) ? truthy(values.getValue(key)) : absent;
  }

  /**
   * An integer that may be sent as a number or decimal text (Circus converts with {@code int()});
   * null when absent. Non-numeric text is Circus's errno 5 ValueError.
   */
  public Integer integerOrText(String key) {
    Object value = values.getValue(key);
    if (value == null) {
      return null;
    }
    if (value instanceof Number n) {
      return n.intValue();
    }
    if (value instanceof Boolean b) {
      return b ? 1 : 0;
    }
    String text = value.toString().strip();
    try {
      return Integer.parseInt(text);
    } catch (NumberFormatException e) {
      throw CommandError.failed("invalid literal for int() with base 10: " + PythonRepr.string(value.toString()));
    }
  }

  /** A signal given as a number or a name (SPEC.md §2); null when absent. */
  public Integer signal(String key) {
    Object value = values.getValue(key);
    if (value == null) {
      return null;
    }
    try {
      return Signals.parse(value);
    } catch (IllegalArgumentException e) {
      if (e.getMessage().startsWith("unknown signal ")) {
        // Circus resolves names with getattr on Python's signal module.
        throw CommandError.failed("module 'signal' has no attribute '" + e.getMessage().substring(15) + "'");
      }
      throw CommandError.invalid("signal invalid");
    }
  }

  /** A number (int or float); null when absent; errno 3 {@code 'KEY' isn't a number} otherwise. */
  public Double number(String key) {
    Object value = values.getValue(key);
    if (value == null) {
      return null;
    }
    if (value instanceof Number n) {
      return n.doubleValue();
    }
    throw CommandError.invalid("'" + key + "' isn't a number");
  }

  /** An object property; errno 3 {@code 'KEY' property should be an object} otherwise. */
  public JsonObject object(String key) {
    Object value = values.getValue(key);
    if (value instanceof JsonObject o) {
      return o;
    }
    throw CommandError.invalid("'" + key + "' property should be an object");
  }

  static boolean truthy(Object value) {
    if (value == null) return false;
    if (value instanceof Boolean b) return b;
    if (value instanceof Number n) return n.doubleValue() != 0;
    if (value instanceof String s) return !s.isEmpty();
    if (value instanceof JsonObject o) return !o.isEmpty();
    if (value instanceof JsonArray a) return !a.isEmpty();
    return true;
  }
}
