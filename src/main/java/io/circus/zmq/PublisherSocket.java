package io.circus.zmq;

/**
 * The server side of a Circus pub/sub endpoint: a PUB sending {@code [topic, body]} to every
 * subscriber whose prefix matches the topic. A subscriber that does not keep up loses messages
 * (its queue is bounded); the others and the publisher never wait for it.
 */
interface PublisherSocket extends AutoCloseable {

  /** The endpoint as bound (with the real port when the configured one was 0 or *). */
  String endpoint();

  /** Any thread: queues a two-frame message for sending by the socket's thread. */
  void publish(byte[] topic, byte[] body);

  /** Stops the socket's thread and releases the socket (and its file for ipc); blocks. */
  @Override
  void close();
}
