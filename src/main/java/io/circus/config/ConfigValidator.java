package io.circus.config;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Turns an {@link IniDocument} into a typed {@link CircusConfig}, or throws one
 * {@link ConfigException} listing every error of the whole configuration. circusd's environment
 * is a parameter (for {@code [env]} sections and {@code $(circus.env.X)}), never read here.
 */
public final class ConfigValidator {

  private static final String KNOWN_SECTIONS =
      "[circus], [env], [env:PATTERNS], [watcher:NAME], [socket:NAME], [plugin:NAME] or [DEFAULT] (case-sensitive)";

  private final IniDocument document;
  private final ConfigEnvironment environment;
  private final Diagnostics diagnostics;

  private ConfigValidator(IniDocument document, Map<String, String> daemonEnv) {
    this.document = document;
    this.environment = ConfigEnvironment.of(document, daemonEnv);
    this.diagnostics = new Diagnostics(document.warnings());
  }

  /** @throws ConfigException with every error found */
  public static CircusConfig validate(IniDocument document, Map<String, String> daemonEnv) {
    return new ConfigValidator(document, daemonEnv).validate();
  }

  private CircusConfig validate() {
    ArbiterSpec arbiter = ArbiterSpec.defaults();
    List<SocketSpec> sockets = new ArrayList<>();
    List<PluginSpec> plugins = new ArrayList<>();
    List<IniSection> watcherSections = new ArrayList<>();
    Set<String> socketNames = new LinkedHashSet<>();
    for (IniSection section : document.sections()) {
      SectionRef ref = SectionRef.of(section.name());
      if (!isUsable(section, ref)) continue;
      switch (ref.kind()) {
        case CIRCUS -> arbiter = ArbiterSectionReader.read(options(section, environment.placeholders()));
        case SOCKET -> {
          String name = ref.name().toLowerCase(Locale.ROOT);
          if (!socketNames.add(name)) duplicate(section, "socket", name);
          SocketSectionReader.read(name, options(section, environment.placeholders())).ifPresent(sockets::add);
        }
        case PLUGIN -> PluginSectionReader.read(ref.name(), options(section, environment.placeholders())).ifPresent(plugins::add);
        case WATCHER -> watcherSections.add(section);
        default -> { }
      }
      reportInactive(section, ref.kind());
    }
    Set<String> reusePort = new LinkedHashSet<>();
    sockets.stream().filter(SocketSpec::soReusePort).forEach(s -> reusePort.add(s.name()));
    List<WatcherSpec> watchers = readWatchers(watcherSections, new DeclaredSockets(socketNames, reusePort));
    diagnostics.throwIfErrors();
    watchers.sort(Comparator.comparing(WatcherSpec::name));
    sockets.sort(Comparator.comparing(SocketSpec::name));
    plugins.sort(Comparator.comparing(PluginSpec::name));
    return new CircusConfig(document.mainFile(), arbiter, watchers, sockets, plugins, diagnostics.inactive(),
        diagnostics.warnings());
  }

  private List<WatcherSpec> readWatchers(List<IniSection> sections, DeclaredSockets sockets) {
    List<WatcherSpec> watchers = new ArrayList<>();
    Map<String, String> seen = new HashMap<>();
    for (IniSection section : sections) {
      String name = SectionRef.of(section.name()).name();
      // circusd finds watchers by lower-cased name, so two names differing only in case would clash.
      if (seen.putIfAbsent(name.toLowerCase(Locale.ROOT), name) != null) duplicate(section, "watcher", name);
      SectionOptions options = options(section, environment.placeholdersFor(name));
      WatcherSectionReader.read(name, options, environment.variablesFor(name), sockets).ifPresent(watchers::add);
    }
    return watchers;
  }

  /** False for sections to skip: empty ones (Circus skips them) and invalid headers (an error). */
  private boolean isUsable(IniSection section, SectionRef ref) {
    if (ref.kind() == SectionRef.Kind.UNKNOWN) {
      error(section, "a known section type: " + KNOWN_SECTIONS);
      return false;
    }
    boolean named = switch (ref.kind()) {
      case ENV_FOR, WATCHER, SOCKET, PLUGIN -> true;
      default -> false;
    };
    if (named && ref.name().isBlank()) {
      error(section, "a name after the colon, such as [watcher:web] or [env:web*, db]");
      return false;
    }
    if (section.options().isEmpty()) {
      if (named) diagnostics.warn(section.origin() + " [" + section.name() + "] has no options: skipped");
      return false;
    }
    return true;
  }

  private SectionOptions options(IniSection section, Map<String, String> placeholders) {
    return new SectionOptions(document, section, placeholders, diagnostics);
  }

  private void reportInactive(IniSection section, SectionRef.Kind kind) {
    List<IniOption> present = new ArrayList<>(section.options());
    present.addAll(document.inherited(section));
    present.forEach(o -> InactiveOptions.reported(kind, o.key()).ifPresent(r -> diagnostics.inactive(section.name(), r)));
  }

  private void duplicate(IniSection section, String kind, String name) {
    error(section, "a " + kind + " name used once: another section names the " + kind + " '" + name
        + "' (names differing only in case are the same " + kind + ")");
  }

  private void error(IniSection section, String expected) {
    diagnostics.error(new ConfigError(section.file(), section.name(), null, null,
        expected + " (line " + section.line() + ")"));
  }
}
