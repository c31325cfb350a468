package io.circus.cli.ctl;

import io.vertx.core.json.JsonObject;
import java.util.Map;
import java.util.StringJoiner;
import java.util.TreeMap;

/**
 * {@code key: value} lines of {@code options}, {@code get} and {@code globaloptions}, in the
 * reply's order, with circusctl's value formatting: Python's {@code str()}, {@code None} as
 * nothing, {@code env} as {@code K=V,K2=V2} sorted by name.
 */
final class OptionLines {

  private OptionLines() {
  }

  static String render(JsonObject options) {
    StringJoiner lines = new StringJoiner("\n");
    if (options != null) {
      options.getMap().forEach((key, value) -> lines.add(key + ": " + format(key, value)));
    }
    return lines.toString();
  }

  private static String format(String key, Object value) {
    if (key.equals("env")) return environment(value);
    return value == null ? "" : PythonText.str(value);
  }

  private static String environment(Object env) {
    Map<?, ?> map = env instanceof JsonObject object ? object.getMap() : env instanceof Map<?, ?> m ? m : null;
    if (map == null) return env == null ? "" : PythonText.str(env);
    StringJoiner pairs = new StringJoiner(",");
    new TreeMap<>(map).forEach((name, value) -> pairs.add(name + "=" + PythonText.str(value)));
    return pairs.toString();
  }
}
