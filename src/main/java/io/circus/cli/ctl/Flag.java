package io.circus.cli.ctl;

/**
 * An option of a circusctl command, written {@code --name} (Circus's names, underscores
 * included), and {@code -x} when it has a short name. A flag with a {@code valueLabel} takes a value; the others are switches.
 */
record Flag(String name, String valueLabel, String help, String shortName) {

  static Flag toggle(String name, String help) {
    return new Flag(name, null, help, null);
  }

  static Flag valued(String name, String valueLabel, String help) {
    return new Flag(name, valueLabel, help, null);
  }

  /** The same flag also written {@code -x} (not in circusctl 0.19, whose flags are all long). */
  Flag withShortName(String letter) {
    return new Flag(name, valueLabel, help, letter);
  }

  boolean takesValue() {
    return valueLabel != null;
  }

  static final Flag WAITING = toggle("waiting", "answer only once the operation is over");
}
