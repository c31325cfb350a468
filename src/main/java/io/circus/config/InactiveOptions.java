package io.circus.config;

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
      SectionRef.Kind.CIRCUS, Set.of("papa_endpoint", "statsd_close_outputs",
          "multicast_endpoint", "stream_backend", "httpd", "httpd_host", "httpd_port", "httpd_close_outputs", "debug",
          "debug_gc", "fqdn_prefix"),
      SectionRef.Kind.WATCHER, Set.of("virtualenv", "virtualenv_py_ver", "copy_path", "use_papa"),
      SectionRef.Kind.SOCKET, Set.of("use_papa"));

  private static final Map<SectionRef.Kind, List<String>> PREFIXES = Map.of();

  private InactiveOptions() {
  }

  /** How to report {@code key} if it is inactive: the key itself, or its family such as {@code hooks.*}. */
  static Optional<String> reported(SectionRef.Kind kind, String key) {
    if (KEYS.getOrDefault(kind, Set.of()).contains(key)) return Optional.of(key);
    return PREFIXES.getOrDefault(kind, List.of()).stream().filter(key::startsWith).findFirst().map(p -> p + "*");
  }
}
