package io.circus.client;

/** A call that could not get an answer from circusd: not sent, timed out, client closed, bad reply. */
public class CircusClientException extends RuntimeException {

  public CircusClientException(String message) {
    super(message);
  }

  public CircusClientException(String message, Throwable cause) {
    super(message, cause);
  }
}
