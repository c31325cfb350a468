package io.circus.config;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * The {@code stdout_stream.*} or {@code stderr_stream.*} options of a watcher into a
 * {@link StreamSpec}. Circus's stream classes are named by their short name ({@code FileStream});
 * {@code circus.stream.FileStream} is read as the same. Their options are checked (a builtin class
 * takes only its own keys, with their types); a class of the user's keeps its options as text (it
 * is loaded and checked by the daemon before it starts). Every class also takes
 * {@link StreamSpec#FEEDING_KEYS}, how circusd feeds it.
 */
final class StreamSpecReader {

  static final String CLASS = "class";
  private static final List<String> CIRCUS_PACKAGES = List.of("circus.stream.", "circus.stream.file_stream.");
  private static final String FILE_STREAM = "FileStream";
  private static final Map<String, List<String>> BUILTIN = Map.of(
      FILE_STREAM, List.of("filename", "max_bytes", "backup_count", "time_format"),
      "WatchedFileStream", List.of("filename", "time_format"),
      "TimedRotatingFileStream", List.of("filename", "backup_count", "time_format", "rotate_when", "rotate_interval", "utc"),
      "StdoutStream", List.of(),
      "FancyStdoutStream", List.of("color", "time_format"),
      "QueueStream", List.of());
  private static final List<String> ROTATE_WHEN = List.of("S", "M", "H", "D", "MIDNIGHT", "W0", "W1", "W2", "W3", "W4", "W5", "W6");
  private static final List<String> COLORS = List.of("red", "green", "yellow", "blue", "magenta", "cyan", "white");
  private static final Map<String, UnaryOperator<String>> TYPES = Map.of(
      "max_bytes", v -> String.valueOf(Values.integer(v, 0, Long.MAX_VALUE)),
      "backup_count", v -> String.valueOf(Values.integer(v, 0, Integer.MAX_VALUE)),
      "rotate_interval", v -> String.valueOf(Values.integer(v, 1, Integer.MAX_VALUE)),
      "utc", v -> String.valueOf(Values.bool(v)),
      "rotate_when", v -> Values.oneOf(v, ROTATE_WHEN),
      "color", v -> Values.oneOf(v, COLORS).toLowerCase(Locale.ROOT),
      StreamSpec.BACKPRESSURE, v -> Values.oneOf(v, List.of("pause", "drop")),
      StreamSpec.QUEUE_BYTES, v -> String.valueOf(Values.integer(v, StreamSpec.MIN_QUEUE_BYTES, Long.MAX_VALUE)));

  private StreamSpecReader() {
  }

  /**
   * @param prefix {@code stdout_stream} or {@code stderr_stream}
   * @param options the section's options under that prefix, keys still prefixed
   * @return empty when there are no such options, or when they are invalid (errors recorded)
   */
  static Optional<StreamSpec> read(String prefix, List<IniOption> options, SectionOptions section) {
    if (options.isEmpty()) return Optional.empty();
    Map<String, IniOption> byName = new LinkedHashMap<>();
    options.forEach(o -> byName.put(o.key().substring(prefix.length() + 1), o));
    IniOption classOption = byName.remove(CLASS);
    String className;
    if (classOption != null) {
      className = section.parse(classOption, null, StreamSpecReader::className);
    } else if (byName.containsKey("filename")) {
      className = FILE_STREAM;
    } else {
      section.invalid(options.get(0), "a stream needs " + prefix + ".class (or " + prefix + ".filename for a FileStream)");
      return Optional.empty();
    }
    if (className == null) return Optional.empty();
    List<String> allowed = BUILTIN.get(className);
    if ("TimedRotatingFileStream".equals(className) && !byName.containsKey("rotate_when")) {
      section.invalid(prefix + ".rotate_when", "TimedRotatingFileStream needs " + prefix + ".rotate_when");
    }
    Map<String, String> values = new LinkedHashMap<>();
    byName.forEach((name, option) -> {
      if (StreamSpec.FEEDING_KEYS.contains(name)) {
        values.put(name, section.parse(option, "", TYPES.get(name)));
      } else if (allowed != null && !allowed.contains(name)) {
        section.invalid(option, allowed.isEmpty() ? className + " takes no option"
            : "an option of " + className + ": " + String.join(", ", allowed));
      } else if (allowed != null && TYPES.containsKey(name)) {
        values.put(name, section.parse(option, "", TYPES.get(name)));
      } else {
        values.put(name, section.valueOf(option));
      }
    });
    return Optional.of(new StreamSpec(className, values));
  }

  private static String className(String text) {
    String name = text.strip();
    if (BUILTIN.containsKey(name)) return name;
    for (String circusPackage : CIRCUS_PACKAGES) {
      if (name.startsWith(circusPackage) && BUILTIN.containsKey(name.substring(circusPackage.length()))) {
        return name.substring(circusPackage.length());
      }
    }
    if (name.indexOf('.') < 0) {
      throw new IllegalArgumentException("one of " + String.join(", ", BUILTIN.keySet().stream().sorted().toList())
          + ", or a dotted class name");
    }
    return Values.className(name);
  }
}
