package io.circus.process;

/** Which standard stream of a child some output came from. */
public enum OutputKind {
  STDOUT("stdout"), STDERR("stderr");

  private final String circusName;

  OutputKind(String circusName) {
    this.circusName = circusName;
  }

  /** {@code "stdout"} or {@code "stderr"}, as Circus names them. */
  public String circusName() {
    return circusName;
  }
}
