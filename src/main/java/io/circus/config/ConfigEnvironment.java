package io.circus.config;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The variables of the {@code [env]} and {@code [env:PATTERNS]} sections, and what
 * {@code $(circus.env.NAME)} means where. {@code [env]} applies to every watcher; each
 * {@code [env:...]} section to the watchers whose name matches one of its comma-separated shell
 * patterns, on top of {@code [env]}, in file order (a later section wins), as Circus combines them.
 * In their values {@code $NAME} (upper-case names) is replaced by circusd's variable, empty when
 * unset. circusd's environment is always given, never read here.
 */
final class ConfigEnvironment {

  private static final Pattern DOLLAR_NAME = Pattern.compile("\\$([A-Z][A-Z0-9_]*)");

  private final Map<String, String> daemon;
  private final Map<String, String> common;
  private final List<Targeted> targeted;

  private record Targeted(List<ShellPattern> patterns, Map<String, String> variables) {
    boolean appliesTo(String watcher) {
      return patterns.stream().anyMatch(p -> p.matches(watcher));
    }
  }

  private ConfigEnvironment(Map<String, String> daemon, Map<String, String> common, List<Targeted> targeted) {
    this.daemon = daemon;
    this.common = common;
    this.targeted = targeted;
  }

  static ConfigEnvironment of(IniDocument document, Map<String, String> daemonEnv) {
    Map<String, String> daemon = Map.copyOf(daemonEnv);
    Map<String, String> common = new LinkedHashMap<>();
    document.section("env").filter(s -> !s.options().isEmpty())
        .ifPresent(s -> common.putAll(variables(document, s, placeholders(daemon), daemon)));
    Map<String, String> global = overlay(daemon, common);
    List<Targeted> targeted = new ArrayList<>();
    for (IniSection section : document.sections()) {
      SectionRef ref = SectionRef.of(section.name());
      if (ref.kind() != SectionRef.Kind.ENV_FOR || section.options().isEmpty()) continue;
      List<ShellPattern> patterns = Arrays.stream(ref.name().split(",")).map(String::strip).map(ShellPattern::of).toList();
      targeted.add(new Targeted(patterns, variables(document, section, placeholders(global), daemon)));
    }
    return new ConfigEnvironment(daemon, common, targeted);
  }

  /** The variables the env sections give the watcher {@code name}. */
  Map<String, String> variablesFor(String watcher) {
    Map<String, String> result = new LinkedHashMap<>(common);
    targeted.stream().filter(t -> t.appliesTo(watcher)).forEach(t -> result.putAll(t.variables()));
    return result;
  }

  /** {@code $(circus.env.X)} values outside watchers: circusd's environment overlaid by {@code [env]}. */
  Map<String, String> placeholders() {
    return placeholders(overlay(daemon, common));
  }

  /** {@code $(circus.env.X)} values in a watcher's options: also its {@code [env:...]} sections. */
  Map<String, String> placeholdersFor(String watcher) {
    return placeholders(overlay(daemon, variablesFor(watcher)));
  }

  /** Placeholder variables ({@code env.<lower-case name>}) for an environment. */
  static Map<String, String> placeholders(Map<String, String> environment) {
    Map<String, String> result = new LinkedHashMap<>();
    environment.forEach((name, value) -> result.put("env." + name.toLowerCase(Locale.ROOT), value));
    return result;
  }

  private static Map<String, String> variables(IniDocument document, IniSection section,
      Map<String, String> placeholders, Map<String, String> daemon) {
    Map<String, String> result = new LinkedHashMap<>();
    List<IniOption> options = new ArrayList<>(section.options());
    options.addAll(document.inherited(section));
    for (IniOption o : options) {
      result.put(o.key(), expandDollarNames(Placeholders.replace(o.value(), placeholders), daemon));
    }
    return result;
  }

  private static String expandDollarNames(String value, Map<String, String> daemon) {
    Matcher m = DOLLAR_NAME.matcher(value);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      m.appendReplacement(out, Matcher.quoteReplacement(daemon.getOrDefault(m.group(1), "")));
    }
    return m.appendTail(out).toString();
  }

  private static Map<String, String> overlay(Map<String, String> base, Map<String, String> top) {
    Map<String, String> result = new LinkedHashMap<>(base);
    result.putAll(top);
    return result;
  }
}
