package io.circus.plugins.bundled;

import io.circus.plugins.PluginOptions;
import java.util.Map;

/** Reading the fields of the process records the {@code stats} command replies (SPEC.md §3.10). */
final class ProcessRecords {

  private ProcessRecords() {
  }

  /** A percentage field ({@code cpu}, {@code mem}); 0 when it is not a number ("N/A"). */
  static double number(Object value) {
    return value instanceof Number n ? n.doubleValue() : 0.0;
  }

  /** A size field as Circus writes it ({@code mem_info1}: "12.50M", "512B"); 0 when unreadable. */
  static long bytes(Object value) {
    try {
      return new PluginOptions(Map.of("size", String.valueOf(value))).bytes("size", 0);
    } catch (IllegalArgumentException e) {
      return 0;
    }
  }
}
