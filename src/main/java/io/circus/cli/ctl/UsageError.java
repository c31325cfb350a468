package io.circus.cli.ctl;

/**
 * A command line that does not parse (unknown command or option, missing option value): printed
 * after the usage line, exit status 2, as argparse does.
 */
public final class UsageError extends Exception {

  public UsageError(String message) {
    super(message);
  }
}
