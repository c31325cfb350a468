package io.circus.zmq;

import java.nio.file.Path;

/**
 * Opens the bridge's sockets, tcp and ipc alike served by this package's ZMTP server ({@link
 * ZmtpServer}); failures name the endpoint as the configuration writes it.
 */
final class SocketOpener {

  private final String endpointOwner;
  private final Path workingDirectory;

  /**
   * @param endpointOwner the user given the ipc socket files, or null
   * @param workingDirectory what relative ipc paths are relative to
   */
  SocketOpener(String endpointOwner, Path workingDirectory) {
    this.endpointOwner = endpointOwner;
    this.workingDirectory = workingDirectory;
  }

  ControllerSocket controller(String endpoint, String option, ControllerSocket.MessageListener listener)
      throws EndpointBindException {
    ZmqEndpoint parsed = parse(endpoint, option);
    try {
      return new ZmtpRouter(parsed, endpointOwner, option, listener);
    } catch (EndpointBindException e) {
      throw asConfigured(e, endpoint);
    }
  }

  PublisherSocket publisher(String endpoint, String option) throws EndpointBindException {
    ZmqEndpoint parsed = parse(endpoint, option);
    try {
      return new ZmtpPublisher(parsed, endpointOwner, option);
    } catch (EndpointBindException e) {
      throw asConfigured(e, endpoint);
    }
  }

  /** The failure with the endpoint as the configuration writes it (a relative ipc path, say). */
  private static EndpointBindException asConfigured(EndpointBindException e, String endpoint) {
    return e.endpoint().equals(endpoint) ? e : new EndpointBindException(e.option(), endpoint, e.reason(), e.getCause());
  }

  private ZmqEndpoint parse(String endpoint, String option) throws EndpointBindException {
    try {
      return ZmqEndpoint.parse(endpoint, workingDirectory);
    } catch (IllegalArgumentException e) {
      throw new EndpointBindException(option, endpoint, e.getMessage(), e);
    }
  }
}
