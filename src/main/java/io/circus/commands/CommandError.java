package io.circus.commands;

/**
 * A command refused or failed with a Circus error number and reason. {@link #prefixed()} errors
 * (errno 5, "an unexpected exception" in Circus) are reported as {@code command b'<request>':
 * <reason>}, the way Circus words them.
 */
public final class CommandError extends RuntimeException {

  private final int errno;
  private final boolean prefixed;

  private CommandError(int errno, String reason, boolean prefixed) {
    // Only errno-5 errors carry a stack: it becomes the reply's "tb" (Circus sends a traceback there).
    super(reason, null, false, prefixed);
    this.errno = errno;
    this.prefixed = prefixed;
  }

  /** errno 3: a missing or invalid property, an unknown watcher, ... */
  public static CommandError invalid(String reason) {
    return new CommandError(Errno.MESSAGE_ERROR, reason, false);
  }

  /** errno 3 with Circus's wording for a missing required property. */
  public static CommandError missing(String property) {
    return invalid("message invalid '" + property + "' is missing");
  }

  /** errno 3: {@code program NAME not found}, NAME as the client sent it. */
  public static CommandError notFound(String name) {
    return invalid("program " + name + " not found");
  }

  /** errno 5: what Circus reports as an exception of the command, prefixed with the request. */
  public static CommandError failed(String reason) {
    return new CommandError(Errno.COMMAND_ERROR, reason, true);
  }

  /** Any other errno with a plain reason. */
  public static CommandError of(int errno, String reason) {
    return new CommandError(errno, reason, false);
  }

  public int errno() {
    return errno;
  }

  public String reason() {
    return getMessage();
  }

  public boolean prefixed() {
    return prefixed;
  }
}
