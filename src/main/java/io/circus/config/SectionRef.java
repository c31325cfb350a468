package io.circus.config;

/**
 * What a section header names: its kind and the part after the colon ({@code web} for
 * {@code [watcher:web]}, the pattern list for {@code [env:web*, db]}). Headers are case-sensitive:
 * {@code [Watcher:web]} is of no known kind.
 */
record SectionRef(Kind kind, String name) {

  enum Kind { CIRCUS, ENV, ENV_FOR, WATCHER, SOCKET, PLUGIN, DEFAULTS, UNKNOWN }

  static SectionRef of(String header) {
    if (header.equals("circus")) return new SectionRef(Kind.CIRCUS, "");
    if (header.equals("env")) return new SectionRef(Kind.ENV, "");
    if (header.equals(IniSection.DEFAULT)) return new SectionRef(Kind.DEFAULTS, "");
    int colon = header.indexOf(':');
    String prefix = colon < 0 ? header : header.substring(0, colon);
    String name = colon < 0 ? "" : header.substring(colon + 1);
    Kind kind = switch (colon < 0 ? "" : prefix) {
      case "env" -> Kind.ENV_FOR;
      case "watcher" -> Kind.WATCHER;
      case "socket" -> Kind.SOCKET;
      case "plugin" -> Kind.PLUGIN;
      default -> Kind.UNKNOWN;
    };
    return new SectionRef(kind, name);
  }
}
