package io.circus.process;

/** The socket types of {@code socket(2)} a {@code [socket:NAME]} section may name, with Linux's numbers. */
public enum SocketType {
  STREAM(1),
  DGRAM(2),
  RAW(3),
  RDM(4),
  SEQPACKET(5);

  final int number;

  SocketType(int number) {
    this.number = number;
  }

  /** True for the types that accept connections, so are made to listen. */
  public boolean acceptsConnections() {
    return this == STREAM || this == SEQPACKET;
  }
}
