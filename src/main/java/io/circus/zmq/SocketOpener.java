package io.circus.zmq;

import java.nio.file.Path;
import java.time.Duration;
import org.zeromq.ZContext;

/**
 * Opens the bridge's sockets by transport: JeroMQ for tcp, this package's ZMTP server for ipc
 * (JeroMQ 0.6.0's ipc is a loopback TCP port that libzmq clients cannot reach). Owns the JeroMQ
 * context, created on the first tcp endpoint: it holds descriptors and threads an ipc-only daemon
 * does not need.
 */
final class SocketOpener implements AutoCloseable {

  /** How long closing sockets may take to send what is queued to peers that are slow or gone. */
  static final Duration CLOSE_LINGER = Duration.ofSeconds(1);

  private final String endpointOwner;
  private final Path workingDirectory;
  private ZContext jeromq;

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
      if (parsed instanceof ZmqEndpoint.Tcp tcp) {
        return new JeromqRouter(jeromq(), tcp, option, listener);
      }
      return new UnixRouter((ZmqEndpoint.Ipc) parsed, endpointOwner, option, listener);
    } catch (EndpointBindException e) {
      throw asConfigured(e, endpoint);
    }
  }

  PublisherSocket publisher(String endpoint, String option) throws EndpointBindException {
    ZmqEndpoint parsed = parse(endpoint, option);
    try {
      if (parsed instanceof ZmqEndpoint.Tcp tcp) {
        return new JeromqPublisher(jeromq(), tcp, option);
      }
      return new UnixPublisher((ZmqEndpoint.Ipc) parsed, endpointOwner, option);
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

  private ZContext jeromq() {
    if (jeromq == null) {
      jeromq = new ZContext(1);
      // Applied by JeroMQ when a socket is closed (sockets run with linger 0 until then).
      jeromq.setLinger((int) CLOSE_LINGER.toMillis());
    }
    return jeromq;
  }

  /**
   * Terminates the JeroMQ context; every socket must be closed first. Blocks until what the sockets
   * still had to send is written, or {@link #CLOSE_LINGER} has passed, and JeroMQ's threads end.
   */
  @Override
  public void close() {
    if (jeromq != null) {
      jeromq.close();
    }
  }
}
