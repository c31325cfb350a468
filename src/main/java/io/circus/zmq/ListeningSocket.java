package io.circus.zmq;

import java.io.IOException;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;

/** A bound listening socket a {@link ZmtpServer} accepts its peers on: a TCP port or a Unix socket file. */
interface ListeningSocket extends AutoCloseable {

  ServerSocketChannel channel();

  /** The endpoint as bound (with the real port when the configured one was 0 or *). */
  String endpoint();

  /** Sets up a connection just accepted, before ZMTP starts on it. */
  void prepare(SocketChannel accepted) throws IOException;

  /** Closes the listening socket (and removes its file for ipc). */
  @Override
  void close();
}
