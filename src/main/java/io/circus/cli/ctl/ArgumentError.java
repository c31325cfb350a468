package io.circus.cli.ctl;

/**
 * An invocation circusctl cannot turn into a message (wrong number of arguments, a value it cannot
 * convert): printed on stderr, exit status 1, nothing sent.
 */
public final class ArgumentError extends Exception {

  public ArgumentError(String message) {
    super(message);
  }
}
