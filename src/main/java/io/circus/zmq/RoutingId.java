package io.circus.zmq;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;

/** A ROUTER peer's routing id as a map key: compared by content. */
record RoutingId(byte[] bytes) {

  @Override
  public boolean equals(Object other) {
    return other instanceof RoutingId id && Arrays.equals(bytes, id.bytes);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(bytes);
  }

  /** As text when printable (Circus's clients use 32 hex characters), else as hex with a 0x prefix. */
  @Override
  public String toString() {
    for (byte b : bytes) {
      if (b < 0x20 || b > 0x7E) {
        return "0x" + HexFormat.of().formatHex(bytes);
      }
    }
    return new String(bytes, StandardCharsets.US_ASCII);
  }
}
