package io.circus.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.net.UnknownHostException;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Sockets bound natively: addresses, port 0, unix files and their mode, reservations, errors. */
class SocketBinderTest {

  @TempDir
  Path dir;

  private static SocketSetup tcp(String host, int port) throws UnknownHostException {
    return new SocketSetup(new InetSocketAddress(InetAddress.getByName(host), port), SocketType.STREAM, 0, 16, true,
        false, null, false, null, false);
  }

  private static SocketSetup unix(Path path, Integer umask, boolean replace) {
    return new SocketSetup(UnixDomainSocketAddress.of(path), SocketType.STREAM, 0, 16, true, false, null, false, umask,
        replace);
  }

  private static boolean accepts(int port) throws IOException {
    try (Socket client = new Socket()) {
      client.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 5000);
      return true;
    } catch (ConnectException refused) {
      return false;
    }
  }

  @Test
  void portZeroGetsAFreePortThatTakesConnectionsUntilClosed() throws Exception {
    BoundSocket socket = SocketBinder.bind(tcp("127.0.0.1", 0));
    int port = socket.port();
    try {
      assertThat(port).isPositive();
      assertThat(socket.host()).isEqualTo("127.0.0.1");
      assertThat(socket.address()).isEqualTo("127.0.0.1:" + port);
      assertThat(accepts(port)).isTrue();
    } finally {
      socket.close();
    }
    assertThat(accepts(port)).isFalse();
  }

  @Test
  void anIpv6AddressIsWrittenAsInetNtopWritesIt() throws Exception {
    assumeThat(hasIpv6Loopback()).as("needs ::1").isTrue();
    try (BoundSocket socket = SocketBinder.bind(tcp("::1", 0))) {
      assertThat(socket.host()).isEqualTo("::1");
      assertThat(socket.address()).isEqualTo("[::1]:" + socket.port());
    }
  }

  @Test
  void aPortInUseIsABindErrorWithTheOsReason() throws Exception {
    try (BoundSocket first = SocketBinder.bind(tcp("127.0.0.1", 0))) {
      assertThatThrownBy(() -> SocketBinder.bind(tcp("127.0.0.1", first.port())))
          .isInstanceOfSatisfying(SocketBindException.class, e -> {
            assertThat(e.step()).isEqualTo(SocketBindException.Step.BIND);
            assertThat(e.getMessage()).isEqualTo("bind 127.0.0.1:" + first.port() + ": Address already in use");
          });
    }
  }

  @Test
  void aReservationHoldsThePortWithoutTakingConnectionsAndSharesItWithReuseportSockets() throws Exception {
    SocketSetup reuseport = new SocketSetup(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), SocketType.STREAM,
        0, 16, true, true, null, false, null, false);
    try (BoundSocket reservation = SocketBinder.bind(reuseport.reservingOnly())) {
      int port = reservation.port();
      assertThat(accepts(port)).isFalse();
      assertThatThrownBy(() -> SocketBinder.bind(tcp("127.0.0.1", port))).isInstanceOf(SocketBindException.class);
      try (BoundSocket own = SocketBinder.bind(reuseport.at(reservation.localAddress()))) {
        assertThat(own.port()).isEqualTo(port);
        assertThat(accepts(port)).isTrue();
      }
    }
  }

  @Test
  void aUnixSocketFileGetsTheModeOfItsUmaskAndGoesAtClose() throws Exception {
    Path path = dir.resolve("web.sock");
    try (BoundSocket socket = SocketBinder.bind(unix(path, 0077, false))) {
      assertThat(socket.path()).isEqualTo(path.toString());
      assertThat(socket.host()).isNull();
      assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(path))).isEqualTo("rwx------");
      try (SocketChannel client = SocketChannel.open(StandardProtocolFamily.UNIX)) {
        assertThat(client.connect(UnixDomainSocketAddress.of(path))).isTrue();
      }
    }
    assertThat(path).doesNotExist();
  }

  @Test
  void anExistingPathIsKeptUnlessReplaceAndItIsASocket() throws Exception {
    Path path = dir.resolve("web.sock");
    BoundSocket stale = SocketBinder.bind(unix(path, null, false));
    LibC.close(stale.fd()); // a socket file whose socket is gone, as a crashed daemon leaves it

    assertThatThrownBy(() -> SocketBinder.bind(unix(path, null, false)))
        .isInstanceOfSatisfying(SocketBindException.class, e -> {
          assertThat(e.step()).isEqualTo(SocketBindException.Step.FILE);
          assertThat(e.getMessage()).isEqualTo("'" + path + "' already exists");
        });
    try (BoundSocket replaced = SocketBinder.bind(unix(path, null, true))) {
      assertThat(path).exists();
    }

    Path file = Files.writeString(dir.resolve("data.txt"), "keep me");
    assertThatThrownBy(() -> SocketBinder.bind(unix(file, null, true)))
        .hasMessageContaining("is not a socket, so it is not replaced");
    assertThat(file).hasContent("keep me");
  }

  @Test
  void closingLeavesAFileThatReplacedTheSocketAlone() throws Exception {
    Path path = dir.resolve("web.sock");
    BoundSocket socket = SocketBinder.bind(unix(path, null, false));
    Files.delete(path);
    Files.writeString(path, "someone else's");

    socket.close();

    assertThat(path).hasContent("someone else's");
  }

  @Test
  void anUnknownDeviceIsADeviceError() throws Exception {
    SocketSetup setup = new SocketSetup(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), SocketType.STREAM, 0,
        16, true, false, "nosuchdev0", false, null, false);
    assertThatThrownBy(() -> SocketBinder.bind(setup)).isInstanceOfSatisfying(SocketBindException.class,
        e -> assertThat(e.step()).isEqualTo(SocketBindException.Step.DEVICE));
  }

  @Test
  void aKnownDeviceBindsTheSocketToIt() throws Exception {
    assumeThat(ProcessHandle.current().info().user().orElse("")).as("SO_BINDTODEVICE may need root").isEqualTo("root");
    SocketSetup setup = new SocketSetup(new InetSocketAddress(InetAddress.getByName("0.0.0.0"), 0), SocketType.STREAM, 0,
        16, true, false, "lo", false, null, false);
    try (BoundSocket socket = SocketBinder.bind(setup)) {
      assertThat(accepts(socket.port())).isTrue();
    }
  }

  @Test
  void aDatagramSocketIsBoundButDoesNotListen() throws Exception {
    SocketSetup setup = new SocketSetup(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), SocketType.DGRAM,
        SocketBinder.protocolNumber("udp"), 16, true, false, null, true, null, false);
    try (BoundSocket socket = SocketBinder.bind(setup)) {
      assertThat(socket.port()).isPositive();
    }
  }

  @Test
  void protocolsAreLookedUpByName() {
    assertThat(SocketBinder.protocolNumber("tcp")).isEqualTo(6);
    assertThat(SocketBinder.protocolNumber("17")).isEqualTo(17);
    assertThatThrownBy(() -> SocketBinder.protocolNumber("warp")).isInstanceOf(IllegalArgumentException.class);
  }

  private static boolean hasIpv6Loopback() {
    try (BoundSocket probe = SocketBinder.bind(tcp("::1", 0))) {
      return true;
    } catch (SocketBindException | IOException e) {
      return false;
    }
  }
}
