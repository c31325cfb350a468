package io.circus.config;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Options that are accepted and validated but whose feature this build does not apply yet. The
 * validator reports each one present in {@link CircusConfig#inactiveOptions()}; remove an entry
 * here when its feature lands.
 */
final class InactiveOptions {

  private static final Map<SectionRef.Kind, Set<String>> KEYS = Map.of(
      SectionRef.Kind.CIRCUS, Set.of("endpoint", "pubsub_endpoint", "endpoint_owner", "papa_endpoint", "statsd", "stats_endpoint",
          "statsd_close_outputs", "multicast_endpoint", "stream_backend", "httpd", "httpd_host", "httpd_port",
          "httpd_close_outputs", "debug", "debug_gc", "fqdn_prefix"),
      SectionRef.Kind.WATCHER, Set.of("use_sockets", "on_demand", "stdin_socket", "virtualenv", "virtualenv_py_ver",
          "copy_path", "use_papa"));

  private static final Map<SectionRef.Kind, List<String>> PREFIXES = Map.of(
      SectionRef.Kind.WATCHER, List.of("stdout_stream.", "stderr_stream.", "hooks."));

  private static final Set<SectionRef.Kind> WHOLE_SECTIONS = EnumSet.of(SectionRef.Kind.SOCKET, SectionRef.Kind.PLUGIN);

  private InactiveOptions() {
  }

  /** True when no option of such a section has an effect yet. */
  static boolean wholeSection(SectionRef.Kind kind) {
    return WHOLE_SECTIONS.contains(kind);
  }

  /** How to report {@code key} if it is inactive: the key itself, or its family such as {@code hooks.*}. */
  static Optional<String> reported(SectionRef.Kind kind, String key) {
    if (KEYS.getOrDefault(kind, Set.of()).contains(key)) return Optional.of(key);
    return PREFIXES.getOrDefault(kind, List.of()).stream().filter(key::startsWith).findFirst().map(p -> p + "*");
  }
}
