package io.circus.config;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads one INI file in the dialect Circus reads (Python's configparser as Circus patches it):
 * {@code key = value} or {@code key: value}; {@code #} and {@code ;} comment lines (and
 * {@code rem}); an inline comment only from a {@code ;} that follows a blank; indented lines
 * continue the previous value (joined with a newline); names are case-sensitive. Returns the
 * sections as they occur, repeated keys and sections included: {@link IniDocument#merge} applies
 * "first value wins".
 */
public final class IniParser {

  private IniParser() {
  }

  /** @throws ConfigException listing every line that is not valid, with its number */
  public static List<IniSection> parse(String text, String file) {
    return new Run(file).read(text.split("\r\n|\r|\n", -1));
  }

  private static final class Run {
    private final String file;
    private final List<IniSection> sections = new ArrayList<>();
    private final List<ConfigError> errors = new ArrayList<>();
    private String sectionName;
    private int sectionLine;
    private List<IniOption> options;
    private int lastOptionIndex = -1;

    Run(String file) {
      this.file = file;
    }

    List<IniSection> read(String[] lines) {
      for (int i = 0; i < lines.length; i++) {
        readLine(lines[i], i + 1);
      }
      closeSection();
      if (!errors.isEmpty()) throw new ConfigException(errors);
      return sections;
    }

    private void readLine(String line, int number) {
      if (line.isBlank() || isComment(line)) return;
      if (Character.isWhitespace(line.charAt(0)) && lastOptionIndex >= 0) {
        continueValue(line.strip());
      } else if (line.startsWith("[") && line.lastIndexOf(']') > 1) {
        startSection(line, number);
      } else if (options == null) {
        errors.add(badLine(line, number, "an option before any section header: start the file with a section such as [circus]"));
      } else {
        readOption(line, number);
      }
    }

    private static boolean isComment(String line) {
      char first = line.charAt(0);
      if (first == '#' || first == ';') return true;
      // configparser also skips lines whose first word, starting in column 1, is "rem".
      return (first == 'r' || first == 'R') && line.strip().split("\\s+", 2)[0].equalsIgnoreCase("rem");
    }

    private void continueValue(String more) {
      // Blank continuation lines are skipped; an indented '#' or ';' line is text, not a comment.
      if (more.isEmpty()) return;
      IniOption last = options.get(lastOptionIndex);
      options.set(lastOptionIndex, last.withValue(last.value() + "\n" + more));
    }

    private void startSection(String line, int number) {
      int close = line.lastIndexOf(']');
      String rest = line.substring(close + 1).strip();
      // configparser ignores anything after the closing bracket; text there is refused here so
      // that nothing written is dropped silently (a comment is still fine).
      if (!rest.isEmpty() && rest.charAt(0) != '#' && rest.charAt(0) != ';') {
        errors.add(badLine(line, number, "nothing but a comment may follow a section header"));
      }
      closeSection();
      sectionName = line.substring(1, close);
      sectionLine = number;
      options = new ArrayList<>();
    }

    private void closeSection() {
      if (options != null) sections.add(new IniSection(sectionName, file, sectionLine, options));
      lastOptionIndex = -1;
    }

    private void readOption(String line, int number) {
      int separator = firstSeparator(line);
      String key = separator < 0 ? "" : line.substring(0, separator).strip();
      if (key.isEmpty()) {
        errors.add(badLine(line, number, "a section header [name], an option 'key = value' or a comment"));
        lastOptionIndex = -1;
        return;
      }
      String value = withoutInlineComment(line, separator + 1).strip();
      options.add(new IniOption(key, value.equals("\"\"") ? "" : value, file, number));
      lastOptionIndex = options.size() - 1;
    }

    private static int firstSeparator(String line) {
      for (int i = 0; i < line.length(); i++) {
        if (line.charAt(i) == '=' || line.charAt(i) == ':') return i;
      }
      return -1;
    }

    /** The value text up to the first ';' that follows a blank: '#' never starts an inline comment. */
    private static String withoutInlineComment(String line, int valueStart) {
      for (int i = valueStart; i < line.length(); i++) {
        if (line.charAt(i) == ';' && Character.isWhitespace(line.charAt(i - 1))) return line.substring(valueStart, i);
      }
      return line.substring(valueStart);
    }

    private ConfigError badLine(String line, int number, String expected) {
      return new ConfigError(file, null, null, line.strip(), "line " + number + ": " + expected);
    }
  }
}
