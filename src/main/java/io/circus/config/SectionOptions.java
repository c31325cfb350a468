package io.circus.config;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * The options of one section as a validator reads them: its own and those {@code [DEFAULT]} adds,
 * with {@code $(circus.env.X)} already substituted. Every bad value becomes a {@link ConfigError}
 * naming file, section, option, value, line and what was expected, recorded in {@link Diagnostics};
 * the reader then goes on with the default so that every error of the file is found. It remembers
 * which keys were read, so the rest can be reported as unknown or kept as free-form.
 */
final class SectionOptions {

  private final IniSection section;
  private final Map<String, IniOption> own = new LinkedHashMap<>();
  private final Map<String, IniOption> inherited = new LinkedHashMap<>();
  private final Map<String, String> placeholders;
  private final Diagnostics diagnostics;
  private final Set<String> read = new HashSet<>();

  SectionOptions(IniDocument document, IniSection section, Map<String, String> placeholders, Diagnostics diagnostics) {
    this.section = section;
    this.placeholders = placeholders;
    this.diagnostics = diagnostics;
    section.options().forEach(o -> own.put(o.key(), o));
    document.inherited(section).forEach(o -> inherited.put(o.key(), o));
  }

  String sectionName() {
    return section.name();
  }

  /** {@code file:line} of the section header. */
  String origin() {
    return section.origin();
  }

  Diagnostics diagnostics() {
    return diagnostics;
  }

  boolean has(String key) {
    return option(key).isPresent();
  }

  Optional<IniOption> option(String key) {
    return Optional.ofNullable(own.getOrDefault(key, inherited.get(key)));
  }

  /** The substituted text of {@code key}, marking it read. */
  Optional<String> text(String key) {
    return option(key).map(this::valueOf);
  }

  String text(String key, String fallback) {
    return text(key).orElse(fallback);
  }

  /** The value of {@code key} through {@code parser}, or {@code fallback} when unset or invalid (then an error is recorded). */
  <T> T value(String key, T fallback, Function<String, T> parser) {
    return option(key).map(o -> parse(o, fallback, parser)).orElse(fallback);
  }

  <T> T parse(IniOption option, T fallback, Function<String, T> parser) {
    String value = valueOf(option);
    try {
      return parser.apply(value);
    } catch (IllegalArgumentException e) {
      invalid(option, e.getMessage());
      return fallback;
    }
  }

  String valueOf(IniOption option) {
    read.add(option.key());
    return Placeholders.replace(option.value(), placeholders);
  }

  void invalid(IniOption option, String expected) {
    String value = Placeholders.replace(option.value(), placeholders);
    StringBuilder where = new StringBuilder(" (line ").append(option.line());
    if (inherited.get(option.key()) == option) where.append(", from [DEFAULT]");
    if (!value.equals(option.value())) where.append(", written \"").append(option.value()).append('"');
    diagnostics.error(new ConfigError(option.file(), section.name(), option.key(), value, expected + where.append(')')));
  }

  /** An error about {@code key} (which may be missing) as a whole. */
  void invalid(String key, String expected) {
    Optional<IniOption> o = option(key);
    if (o.isPresent()) invalid(o.get(), expected);
    else diagnostics.error(new ConfigError(section.file(), section.name(), key, null, expected + " (section at line " + section.line() + ")"));
  }

  /** Own options in file order, then those of {@code [DEFAULT]}. */
  List<IniOption> all() {
    List<IniOption> result = new ArrayList<>(own.values());
    result.addAll(inherited.values());
    return result;
  }

  /** Own options not read so far, in file order. */
  List<IniOption> unreadOwn() {
    return unread(own);
  }

  /** {@code [DEFAULT]} options not read so far. */
  List<IniOption> unreadInherited() {
    return unread(inherited);
  }

  private List<IniOption> unread(Map<String, IniOption> options) {
    List<IniOption> result = new ArrayList<>();
    options.values().stream().filter(o -> !read.contains(o.key())).forEach(result::add);
    return result;
  }
}
