package io.circus.zmtp;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The ZMTP 3.x wire formats (rfc.zeromq.org 23/ZMTP and 37/ZMTP) circusd's endpoints (tcp and ipc)
 * and the ipc clients need, on both sides (circusd's ROUTER and PUB, the clients' DEALER and SUB): the greeting, frames, commands,
 * and the NULL mechanism's READY metadata. Plain Java, no I/O. Only the NULL mechanism: no CURVE
 * or PLAIN, no ZMTP 1.0/2.0 (libzmq 3.x, 2013) peers.
 */
public final class Zmtp {

  public static final int GREETING_SIZE = 64;
  /** Greeting bytes that give the peer's major version: signature (10) and the major byte. */
  public static final int VERSION_PREFIX_SIZE = 11;

  public static final int MORE = 0x01;
  public static final int LONG = 0x02;
  public static final int COMMAND = 0x04;

  private static final int MAJOR = 3;
  private static final int MINOR = 1;
  private static final int SIGNATURE_END = 9;
  private static final int MECHANISM_OFFSET = 12;
  private static final int MECHANISM_SIZE = 20;
  private static final String NULL_MECHANISM = "NULL";
  private static final int MAX_SHORT_SIZE = 255;

  /** A socket type, with the READY command it sends and the peer types it talks to. */
  public enum SocketType {
    ROUTER(Set.of("DEALER", "REQ", "ROUTER")),
    PUB(Set.of("SUB", "XSUB")),
    DEALER(Set.of("ROUTER", "DEALER", "REP")),
    SUB(Set.of("PUB", "XPUB"));

    private final Set<String> peers;
    private final byte[] ready;

    SocketType(Set<String> peers) {
      this.peers = peers;
      this.ready = readyCommand(new byte[0]);
    }

    public boolean talksTo(String peerSocketType) {
      return peers.contains(peerSocketType);
    }

    /** The encoded READY command frame, with an empty identity for the types that route. */
    public ByteBuffer ready() {
      return ByteBuffer.wrap(ready).asReadOnlyBuffer();
    }

    /** The encoded READY command frame announcing {@code identity} (for ROUTER and DEALER). */
    public byte[] readyCommand(byte[] identity) {
      Map<String, byte[]> properties = new LinkedHashMap<>();
      properties.put("Socket-Type", name().getBytes(StandardCharsets.US_ASCII));
      if (this == ROUTER || this == DEALER) {
        // libzmq sends its routing id with the socket types that route.
        properties.put("Identity", identity);
      }
      return command("READY", metadata(properties));
    }
  }

  /**
   * A frame's header: its flags, the size of its body and its own length (2 or 9 bytes).
   */
  public record FrameHeader(int flags, long size, int length) {

    /**
     * The header at {@code in}'s position, not consumed; null while its bytes have not all come.
     *
     * @throws ZmtpException when the body would be bigger than {@code maxSize}
     */
    public static FrameHeader peek(ByteBuffer in, long maxSize) throws ZmtpException {
      int start = in.position();
      if (in.remaining() < 2) {
        return null;
      }
      int flags = in.get(start) & 0xFF;
      int length = (flags & LONG) != 0 ? 9 : 2;
      if (in.remaining() < length) {
        return null;
      }
      long size = length == 9 ? in.getLong(start + 1) : in.get(start + 1) & 0xFF;
      if (size < 0 || size > maxSize) {
        throw new ZmtpException("frame of " + Long.toUnsignedString(size) + " bytes, over the limit of " + maxSize);
      }
      return new FrameHeader(flags, size, length);
    }

    public boolean isCommand() {
      return (flags & COMMAND) != 0;
    }

    public boolean hasMore() {
      return (flags & MORE) != 0;
    }
  }

  /** A command frame's content: its name and data. */
  public record Command(String name, byte[] data) {

    public static Command parse(byte[] body) throws ZmtpException {
      if (body.length < 1 || body.length < 1 + (body[0] & 0xFF)) {
        throw new ZmtpException("malformed command frame");
      }
      int nameLength = body[0] & 0xFF;
      String name = new String(body, 1, nameLength, StandardCharsets.US_ASCII);
      byte[] data = new byte[body.length - 1 - nameLength];
      System.arraycopy(body, 1 + nameLength, data, 0, data.length);
      return new Command(name, data);
    }

    /** The PONG frame that answers this PING: PING is a 2-byte TTL then up to 16 bytes of context, which PONG echoes. */
    public byte[] pong() {
      byte[] context = data.length > 2 ? Arrays.copyOfRange(data, 2, data.length) : new byte[0];
      return command("PONG", context);
    }

    /** What this ERROR command from the peer stands for. */
    public ZmtpException peerError() {
      return new ZmtpException("the peer reported an error: " + new String(data, StandardCharsets.US_ASCII));
    }

    /** The metadata properties of a READY command, by lower-case name (names are case-insensitive). */
    public Map<String, byte[]> properties() throws ZmtpException {
      Map<String, byte[]> properties = new HashMap<>();
      ByteBuffer in = ByteBuffer.wrap(data);
      while (in.hasRemaining()) {
        int nameLength = in.get() & 0xFF;
        if (in.remaining() < nameLength + 4) {
          throw new ZmtpException("malformed " + name + " metadata");
        }
        byte[] propertyName = new byte[nameLength];
        in.get(propertyName);
        int valueLength = in.getInt();
        if (valueLength < 0 || in.remaining() < valueLength) {
          throw new ZmtpException("malformed " + name + " metadata");
        }
        byte[] value = new byte[valueLength];
        in.get(value);
        properties.put(new String(propertyName, StandardCharsets.US_ASCII).toLowerCase(Locale.ROOT), value);
      }
      return properties;
    }
  }

  /** A protocol violation by the peer: the connection is closed. */
  public static final class ZmtpException extends Exception {
    public ZmtpException(String message) {
      super(message);
    }
  }

  private Zmtp() {
  }

  /** Our greeting: ZMTP 3.1, NULL mechanism, as-server 0 (meaningless for NULL). */
  public static byte[] greeting() {
    byte[] greeting = new byte[GREETING_SIZE];
    greeting[0] = (byte) 0xFF;
    // Padding: a ZMTP 1.0 peer would read it as the length of an empty identity plus one.
    greeting[8] = 1;
    greeting[SIGNATURE_END] = 0x7F;
    greeting[10] = MAJOR;
    greeting[11] = MINOR;
    byte[] mechanism = NULL_MECHANISM.getBytes(StandardCharsets.US_ASCII);
    System.arraycopy(mechanism, 0, greeting, MECHANISM_OFFSET, mechanism.length);
    return greeting;
  }

  /**
   * Checks the first {@value #VERSION_PREFIX_SIZE} bytes of a peer's greeting (at {@code start}).
   *
   * @throws ZmtpException for anything but a ZMTP 3.x peer
   */
  public static void checkVersion(ByteBuffer greeting, int start) throws ZmtpException {
    if ((greeting.get(start) & 0xFF) != 0xFF || (greeting.get(start + SIGNATURE_END) & 0x01) == 0) {
      throw new ZmtpException("not a ZMTP 3 peer (ZMTP 1.0 signature or not ZeroMQ at all)");
    }
    int major = greeting.get(start + 10) & 0xFF;
    if (major < MAJOR) {
      throw new ZmtpException("ZMTP " + major + ".x peer: only ZMTP 3.x (libzmq 4 and later) is spoken here");
    }
  }

  /** The peer's minor version: 0 for ZMTP 3.0, 1 or more for 3.1. */
  public static int minorVersion(ByteBuffer greeting, int start) {
    return (greeting.get(start + 10) & 0xFF) > MAJOR ? MINOR : greeting.get(start + 11) & 0xFF;
  }

  /** The mechanism a full greeting names (at {@code start}). */
  public static String mechanism(ByteBuffer greeting, int start) {
    StringBuilder mechanism = new StringBuilder();
    for (int i = 0; i < MECHANISM_SIZE; i++) {
      byte b = greeting.get(start + MECHANISM_OFFSET + i);
      if (b == 0) {
        break;
      }
      mechanism.append((char) (b & 0xFF));
    }
    return mechanism.toString();
  }

  public static boolean isNullMechanism(String mechanism) {
    return NULL_MECHANISM.equals(mechanism);
  }

  /**
   * A read buffer, in write mode (after {@code compact}), fitted to what comes next: grown to hold
   * a frame of {@code needed} bytes, and back to {@code normalSize} once emptied of a big one.
   */
  public static ByteBuffer fitted(ByteBuffer input, int needed, int normalSize) {
    if (needed > input.capacity()) {
      return ByteBuffer.allocate(needed).put(input.flip());
    }
    if (input.position() == 0 && input.capacity() > normalSize) {
      return ByteBuffer.allocate(normalSize);
    }
    return input;
  }

  /** A command frame. */
  public static byte[] command(String name, byte[] data) {
    byte[] nameBytes = name.getBytes(StandardCharsets.US_ASCII);
    int size = 1 + nameBytes.length + data.length;
    ByteBuffer frame = ByteBuffer.allocate(headerSize(size) + size);
    putHeader(frame, COMMAND, size);
    frame.put((byte) nameBytes.length).put(nameBytes).put(data);
    return frame.array();
  }

  /** A message: one frame per part, MORE set on all but the last. */
  public static byte[] message(byte[]... parts) {
    int total = 0;
    for (byte[] part : parts) {
      total += headerSize(part.length) + part.length;
    }
    ByteBuffer message = ByteBuffer.allocate(total);
    for (int i = 0; i < parts.length; i++) {
      putHeader(message, i < parts.length - 1 ? MORE : 0, parts[i].length);
      message.put(parts[i]);
    }
    return message.array();
  }

  private static int headerSize(long size) {
    return size > MAX_SHORT_SIZE ? 9 : 2;
  }

  private static void putHeader(ByteBuffer frame, int flags, int size) {
    if (size > MAX_SHORT_SIZE) {
      frame.put((byte) (flags | LONG)).putLong(size);
    } else {
      frame.put((byte) flags).put((byte) size);
    }
  }

  private static byte[] metadata(Map<String, byte[]> properties) {
    ByteArrayOutputStream metadata = new ByteArrayOutputStream();
    properties.forEach((name, value) -> {
      byte[] nameBytes = name.getBytes(StandardCharsets.US_ASCII);
      metadata.write(nameBytes.length);
      metadata.writeBytes(nameBytes);
      metadata.writeBytes(ByteBuffer.allocate(4).putInt(value.length).array());
      metadata.writeBytes(value);
    });
    return metadata.toByteArray();
  }
}
