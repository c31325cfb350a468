package io.circus.daemon;

/**
 * circusd cannot start for a reason its message fully explains to the operator (a pid file held by
 * a live daemon, an endpoint that cannot be bound): reported as it is, without a stack trace.
 */
public final class StartRefusedException extends RuntimeException {

  public StartRefusedException(String message, Throwable cause) {
    super(message, cause);
  }
}
