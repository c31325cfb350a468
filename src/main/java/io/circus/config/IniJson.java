package io.circus.config;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;

/**
 * The JSON form of an {@link IniDocument}, as the {@code ini} vertx-config format hands it over:
 * <pre>
 * {"file": "/etc/circus/circus.ini",
 *  "warnings": ["..."],
 *  "sections": [{"name": "watcher:web", "file": "...", "line": 3,
 *                "options": [{"key": "cmd", "value": "...", "file": "...", "line": 4}]}]}
 * </pre>
 * Arrays keep the order of sections and options, which matters ({@code [env:...]} sections apply
 * in file order).
 */
public final class IniJson {

  private static final String FILE = "file";
  private static final String LINE = "line";
  private static final String SECTIONS = "sections";
  private static final String OPTIONS = "options";
  private static final String WARNINGS = "warnings";

  private IniJson() {
  }

  public static JsonObject toJson(IniDocument document) {
    JsonArray sections = new JsonArray();
    for (IniSection section : document.sections()) {
      JsonArray options = new JsonArray();
      section.options().forEach(o -> options.add(new JsonObject().put("key", o.key()).put("value", o.value())
          .put(FILE, o.file()).put(LINE, o.line())));
      sections.add(new JsonObject().put("name", section.name()).put(FILE, section.file()).put(LINE, section.line())
          .put(OPTIONS, options));
    }
    return new JsonObject().put(FILE, document.mainFile()).put(WARNINGS, new JsonArray(new ArrayList<>(document.warnings())))
        .put(SECTIONS, sections);
  }

  /** @throws IllegalArgumentException when {@code json} is not of the form {@link #toJson} gives */
  public static IniDocument fromJson(JsonObject json) {
    try {
      List<IniSection> sections = new ArrayList<>();
      for (Object s : json.getJsonArray(SECTIONS)) {
        JsonObject section = (JsonObject) s;
        List<IniOption> options = new ArrayList<>();
        for (Object o : section.getJsonArray(OPTIONS)) {
          JsonObject option = (JsonObject) o;
          options.add(new IniOption(option.getString("key"), option.getString("value"), option.getString(FILE),
              option.getInteger(LINE)));
        }
        sections.add(new IniSection(section.getString("name"), section.getString(FILE), section.getInteger(LINE), options));
      }
      List<String> warnings = json.getJsonArray(WARNINGS).stream().map(String.class::cast).toList();
      return new IniDocument(json.getString(FILE), sections, warnings);
    } catch (ClassCastException | NullPointerException e) {
      throw new IllegalArgumentException("not the JSON form of an INI configuration: " + e.getMessage(), e);
    }
  }
}
