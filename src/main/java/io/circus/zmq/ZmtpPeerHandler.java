package io.circus.zmq;

import io.circus.zmtp.Zmtp;

/**
 * What a server socket on the ipc transport does with its peers: the socket-type part of ZMTP
 * (ROUTER or PUB) on top of {@link ZmtpConnection}'s framing. Called on the server's thread only.
 */
interface ZmtpPeerHandler {

  Zmtp.SocketType socketType();

  /** The peer finished its handshake: it may now send and receive messages. */
  void peerReady(ZmtpConnection peer);

  /**
   * A complete message from the peer.
   *
   * @param firstFrame the body of its first frame (the others are not kept)
   * @param frames how many frames it had
   */
  void message(ZmtpConnection peer, byte[] firstFrame, int frames);

  /** A command other than the handshake's and PING (e.g. SUBSCRIBE, CANCEL). */
  void command(ZmtpConnection peer, Zmtp.Command command);

  /** A peer that was ready is gone. */
  void peerClosed(ZmtpConnection peer);
}
