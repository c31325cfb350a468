package io.circus.process;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.UnixDomainSocketAddress;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/** {@code struct sockaddr_in}, {@code sockaddr_in6} and {@code sockaddr_un} as bytes, both ways. */
final class SocketAddresses {

  /** Large enough for any of them ({@code struct sockaddr_storage} is 128 bytes). */
  static final int MAX_SIZE = 128;
  private static final int SOCKADDR_IN_SIZE = 16;
  private static final int SOCKADDR_IN6_SIZE = 28;
  // sun_path is 108 bytes, the last one for the terminating NUL.
  private static final int MAX_UNIX_PATH = 107;
  private static final int FAMILY_SIZE = 2;

  private SocketAddresses() {
  }

  static int family(SocketAddress address) {
    if (address instanceof UnixDomainSocketAddress) return LibC.AF_UNIX;
    return ((InetSocketAddress) address).getAddress() instanceof Inet6Address ? LibC.AF_INET6 : LibC.AF_INET;
  }

  /** The address as the kernel reads it; its length is the array's. */
  static byte[] encode(SocketAddress address) throws SocketBindException {
    if (address instanceof UnixDomainSocketAddress unix) return unix(unix);
    InetSocketAddress inet = (InetSocketAddress) address;
    boolean v6 = inet.getAddress() instanceof Inet6Address;
    ByteBuffer out = ByteBuffer.allocate(v6 ? SOCKADDR_IN6_SIZE : SOCKADDR_IN_SIZE).order(ByteOrder.LITTLE_ENDIAN);
    out.putShort((short) (v6 ? LibC.AF_INET6 : LibC.AF_INET));
    out.order(ByteOrder.BIG_ENDIAN).putShort((short) inet.getPort());
    if (v6) {
      out.putInt(0); // flow info
      out.put(inet.getAddress().getAddress());
      out.order(ByteOrder.LITTLE_ENDIAN).putInt(((Inet6Address) inet.getAddress()).getScopeId());
    } else {
      out.put(inet.getAddress().getAddress());
    }
    return out.array();
  }

  /** What getsockname(2) filled in; {@code unixPath} stands for a unix socket's own address. */
  static SocketAddress decode(byte[] raw, UnixDomainSocketAddress unixPath) {
    ByteBuffer in = ByteBuffer.wrap(raw).order(ByteOrder.LITTLE_ENDIAN);
    int family = in.getShort();
    if (family == LibC.AF_UNIX) return unixPath;
    int port = in.order(ByteOrder.BIG_ENDIAN).getShort() & 0xffff;
    try {
      if (family == LibC.AF_INET) {
        byte[] address = new byte[4];
        in.get(address);
        return new InetSocketAddress(Inet4Address.getByAddress(address), port);
      }
      in.getInt(); // flow info
      byte[] address = new byte[16];
      in.get(address);
      int scope = in.order(ByteOrder.LITTLE_ENDIAN).getInt();
      InetAddress inet = scope == 0 ? InetAddress.getByAddress(address) : Inet6Address.getByAddress(null, address, scope);
      return new InetSocketAddress(inet, port);
    } catch (UnknownHostException e) {
      throw new IllegalStateException("getsockname returned a malformed address", e);
    }
  }

  /** For messages and listings: {@code 127.0.0.1:8080}, {@code [::1]:8080}, or the unix socket's path. */
  static String text(SocketAddress address) {
    if (address instanceof UnixDomainSocketAddress unix) return unix.getPath().toString();
    InetSocketAddress inet = (InetSocketAddress) address;
    String host = hostText(inet.getAddress());
    return (inet.getAddress() instanceof Inet6Address ? "[" + host + "]" : host) + ":" + inet.getPort();
  }

  /**
   * An address as inet_ntop(3) writes it: dotted IPv4, or IPv6 in lower-case hex with the longest
   * run of two or more zero groups shortened to {@code ::} (RFC 5952), so {@code ::1} rather than
   * Java's {@code 0:0:0:0:0:0:0:1}.
   */
  static String hostText(InetAddress address) {
    if (!(address instanceof Inet6Address)) return address.getHostAddress();
    byte[] bytes = address.getAddress();
    int[] groups = new int[8];
    for (int i = 0; i < 8; i++) groups[i] = (bytes[2 * i] & 0xff) << 8 | bytes[2 * i + 1] & 0xff;
    int bestStart = -1;
    int bestLength = 1;
    for (int i = 0; i < 8; ) {
      int j = i;
      while (j < 8 && groups[j] == 0) j++;
      if (j - i > bestLength) {
        bestStart = i;
        bestLength = j - i;
      }
      i = j == i ? i + 1 : j;
    }
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < 8; i++) {
      if (i == bestStart) {
        text.append("::");
        i += bestLength - 1;
        continue;
      }
      if (text.length() > 0 && text.charAt(text.length() - 1) != ':') text.append(':');
      text.append(Integer.toHexString(groups[i]));
    }
    return text.toString();
  }

  private static byte[] unix(UnixDomainSocketAddress address) throws SocketBindException {
    byte[] path = address.getPath().toString().getBytes(StandardCharsets.UTF_8);
    if (path.length == 0 || path.length > MAX_UNIX_PATH) {
      throw new SocketBindException(SocketBindException.Step.BIND, LibC.ENAMETOOLONG,
          "the path of a unix socket takes 1 to " + MAX_UNIX_PATH + " bytes, '" + address.getPath() + "' has " + path.length);
    }
    byte[] raw = new byte[FAMILY_SIZE + path.length + 1];
    raw[0] = (byte) LibC.AF_UNIX;
    System.arraycopy(path, 0, raw, FAMILY_SIZE, path.length);
    return raw;
  }
}
