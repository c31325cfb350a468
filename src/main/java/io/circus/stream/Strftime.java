package io.circus.stream;

import java.time.ZonedDateTime;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * Python's {@code strftime} formats ({@code %Y-%m-%d %H:%M:%S}), as Circus's {@code time_format}
 * takes them, for the C locale. An unknown directive is written as it is, as glibc does.
 */
final class Strftime {

  private final List<Function<ZonedDateTime, String>> parts;

  private Strftime(List<Function<ZonedDateTime, String>> parts) {
    this.parts = parts;
  }

  static Strftime compile(String format) {
    List<Function<ZonedDateTime, String>> parts = new ArrayList<>();
    StringBuilder literal = new StringBuilder();
    for (int i = 0; i < format.length(); i++) {
      char c = format.charAt(i);
      Function<ZonedDateTime, String> field = c == '%' && i + 1 < format.length() ? directive(format.charAt(i + 1)) : null;
      if (field == null) {
        literal.append(c);
        continue;
      }
      i++;
      if (!literal.isEmpty()) {
        String text = literal.toString();
        parts.add(t -> text);
        literal.setLength(0);
      }
      parts.add(field);
    }
    if (!literal.isEmpty()) {
      String text = literal.toString();
      parts.add(t -> text);
    }
    return new Strftime(List.copyOf(parts));
  }

  String format(ZonedDateTime time) {
    StringBuilder out = new StringBuilder(32);
    for (Function<ZonedDateTime, String> part : parts) out.append(part.apply(time));
    return out.toString();
  }

  private static Function<ZonedDateTime, String> directive(char c) {
    return switch (c) {
      case 'Y' -> t -> String.valueOf(t.getYear());
      case 'y' -> t -> two(t.getYear() % 100);
      case 'm' -> t -> two(t.getMonthValue());
      case 'd' -> t -> two(t.getDayOfMonth());
      case 'e' -> t -> String.format("%2d", t.getDayOfMonth());
      case 'H' -> t -> two(t.getHour());
      case 'I' -> t -> two(t.getHour() % 12 == 0 ? 12 : t.getHour() % 12);
      case 'M' -> t -> two(t.getMinute());
      case 'S' -> t -> two(t.getSecond());
      case 'f' -> t -> String.format("%06d", t.getNano() / 1000);
      case 'p' -> t -> t.getHour() < 12 ? "AM" : "PM";
      case 'j' -> t -> String.format("%03d", t.getDayOfYear());
      case 'a' -> t -> t.getDayOfWeek().getDisplayName(TextStyle.SHORT, Locale.ROOT);
      case 'A' -> t -> t.getDayOfWeek().getDisplayName(TextStyle.FULL, Locale.ROOT);
      case 'b' -> t -> t.getMonth().getDisplayName(TextStyle.SHORT, Locale.ROOT);
      case 'B' -> t -> t.getMonth().getDisplayName(TextStyle.FULL, Locale.ROOT);
      case 'w' -> t -> String.valueOf(t.getDayOfWeek().getValue() % 7);
      case 'z' -> t -> t.getOffset().getId().equals("Z") ? "+0000" : t.getOffset().getId().replace(":", "");
      case 'Z' -> t -> t.getZone().getDisplayName(TextStyle.SHORT, Locale.ROOT);
      case 's' -> t -> String.valueOf(t.toEpochSecond());
      case '%' -> t -> "%";
      default -> null;
    };
  }

  private static String two(int value) {
    return value < 10 ? "0" + value : String.valueOf(value);
  }
}
