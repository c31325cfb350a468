package io.circus.cli.ctl;

/**
 * An option of a circusctl command, written {@code --name} (Circus's names, underscores
 * included). A flag with a {@code valueLabel} takes a value; the others are switches.
 */
record Flag(String name, String valueLabel, String help) {

  static Flag toggle(String name, String help) {
    return new Flag(name, null, help);
  }

  static Flag valued(String name, String valueLabel, String help) {
    return new Flag(name, valueLabel, help);
  }

  boolean takesValue() {
    return valueLabel != null;
  }

  static final Flag WAITING = toggle("waiting", "answer only once the operation is over");
}
