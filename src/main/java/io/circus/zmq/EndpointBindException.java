package io.circus.zmq;

/**
 * An endpoint could not be bound, with a message meant for the operator, e.g. {@code cannot bind
 * endpoint tcp://127.0.0.1:5555: Address already in use}.
 */
public final class EndpointBindException extends Exception {

  private final String option;
  private final String endpoint;
  private final String reason;

  /**
   * @param option the option that names the endpoint: {@code endpoint}, {@code pubsub_endpoint}
   * @param endpoint the endpoint as configured
   * @param reason why, as the OS puts it
   */
  public EndpointBindException(String option, String endpoint, String reason, Throwable cause) {
    super("cannot bind " + option + " " + endpoint + ": " + reason, cause);
    this.option = option;
    this.endpoint = endpoint;
    this.reason = reason;
  }

  public String option() {
    return option;
  }

  public String endpoint() {
    return endpoint;
  }

  public String reason() {
    return reason;
  }
}
