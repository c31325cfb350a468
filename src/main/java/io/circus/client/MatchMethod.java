package io.circus.client;

import java.util.Locale;

/** How {@code start}, {@code stop} and {@code restart} match a watcher name (SPEC §3.13). */
public enum MatchMethod {
  /** The exact name, any case. */
  SIMPLE,
  /** Shell wildcards {@code * ? [..]} against the whole lower-cased name (the daemon's default). */
  GLOB,
  /** A regular expression matched at the start of the lower-cased name. */
  REGEX;

  /** The word on the wire: {@code simple}, {@code glob}, {@code regex}. */
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }
}
