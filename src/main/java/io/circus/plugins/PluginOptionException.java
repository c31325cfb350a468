package io.circus.plugins;

/** A plugin option whose value does not fit: which option, the value, what was expected. */
public final class PluginOptionException extends IllegalArgumentException {

  private final String option;
  private final String value;
  private final String expected;

  public PluginOptionException(String option, String value, String expected) {
    super(option + " = \"" + value + "\": expected " + expected);
    this.option = option;
    this.value = value;
    this.expected = expected;
  }

  public String option() {
    return option;
  }

  public String value() {
    return value;
  }

  public String expected() {
    return expected;
  }
}
