package io.circus.config;

/**
 * One problem found in a configuration: where it is (file, section, option), the value found and
 * what was expected there. {@code section}, {@code option} and {@code value} may be null when the
 * problem is not tied to them (a syntax error, an unreadable file).
 */
public record ConfigError(String file, String section, String option, String value, String expected) {

  @Override
  public String toString() {
    StringBuilder where = new StringBuilder(file == null ? "<config>" : file);
    if (section != null) where.append(" [").append(section).append(']');
    if (option != null) where.append(' ').append(option);
    if (value != null) where.append(" = \"").append(value).append('"');
    return where.append(": ").append(expected).toString();
  }
}
