package io.circus.zmq;

/**
 * The server side of Circus's controller endpoint: a ROUTER taking one-frame requests from DEALER
 * clients and routing replies back by the client's routing id. It hands every message to its
 * {@link MessageListener}, which decides what is well framed. A reply to a peer that is gone, or
 * whose queue is full, is dropped: a slow or dead client never holds up the others.
 */
interface ControllerSocket extends AutoCloseable {

  /** The endpoint as bound (with the real port when the configured one was 0 or *). */
  String endpoint();

  /** Any thread: queues {@code [routingId, reply]} for sending by the socket's thread. */
  void reply(byte[] routingId, byte[] reply);

  /** Stops the socket's thread and releases the socket (and its file for ipc); blocks. */
  @Override
  void close();

  /** Receives every message of a controller socket, on the socket's thread. */
  @FunctionalInterface
  interface MessageListener {

    /**
     * @param routingId the sending peer's routing id
     * @param firstFrame the first frame after the routing id (the request when well framed), or null
     * @param frames the number of frames as the ROUTER sees them: 2 for {@code [routingId, request]}
     */
    void onMessage(ControllerSocket socket, byte[] routingId, byte[] firstFrame, int frames);
  }
}
