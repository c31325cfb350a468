package io.circus.client;

/** No reply within the call's time-out. The message is the Python client's: {@code Timed out.} */
public final class CircusTimeoutException extends CircusClientException {

  public CircusTimeoutException() {
    super("Timed out.");
  }
}
