package io.circus.commands;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code get}: the options named in {@code keys}, in request order; one unknown key fails the
 * whole request. As in Circus, {@code keys} given as a text is read character by character.
 */
final class Get implements Command {

  @Override
  public String name() {
    return "get";
  }

  @Override
  public String summary() {
    return "Get the value of specific watcher options";
  }

  @Override
  public Execution prepare(CommandContext context, Props props) {
    var watcher = Lookup.watcher(context.arbiter(), props.requiredName("name"));
    List<String> keys = keys(props.required("keys"));
    JsonObject all = WatcherOptionsView.of(watcher.snapshot().spec(), context.daemon().workingDirectory());
    JsonObject selected = new JsonObject();
    for (String key : keys) {
      if (!all.containsKey(key)) {
        throw CommandError.invalid(PythonRepr.string(key) + " option not found");
      }
      selected.put(key, all.getValue(key));
    }
    return Execution.result(new JsonObject().put("options", selected));
  }

  private static List<String> keys(Object keys) {
    List<String> result = new ArrayList<>();
    if (keys instanceof JsonArray list) {
      list.forEach(k -> result.add(String.valueOf(k)));
    } else if (keys instanceof String text) {
      text.codePoints().forEach(c -> result.add(new String(Character.toChars(c))));
    } else {
      throw CommandError.invalid("'keys' should be a list of option names");
    }
    return result;
  }
}
