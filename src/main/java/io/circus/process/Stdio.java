package io.circus.process;

/** What a child gets on one of its standard streams. */
public sealed interface Stdio {

  /** {@code /dev/null}. */
  record Null() implements Stdio {}

  /** The same file as circusd's own stream. */
  record Inherit() implements Stdio {}

  /** A pipe whose parent end the reactor reads ({@link ProcessListener#onOutput}). Not for stdin. */
  record Pipe() implements Stdio {}

  /** A file descriptor of circusd (for example a bound socket for {@code stdin_socket}). */
  record Fd(int fd) implements Stdio {}

  Stdio NULL = new Null();
  Stdio INHERIT = new Inherit();
  Stdio PIPE = new Pipe();
}
