package io.circus.zmq;

import static org.assertj.core.api.Assertions.assertThat;

import io.circus.arbiter.Await;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Endpoints that cannot be bound: the start fails with the option, the endpoint and the OS's reason. */
class EndpointBindTest {

  @TempDir
  Path dir;

  private Vertx vertx;

  @BeforeEach
  void startVertx() {
    vertx = Vertx.vertx();
  }

  @AfterEach
  void closeVertx() {
    Await.result(vertx.close());
  }

  @Test
  void aTcpPortInUseIsRefusedWithTheOptionAndTheOsError() throws Exception {
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      String endpoint = "tcp://127.0.0.1:" + taken.getLocalPort();

      EndpointBindException failure = deployFailure(endpoint, "tcp://127.0.0.1:0");

      assertThat(failure.option()).isEqualTo("endpoint");
      assertThat(failure.endpoint()).isEqualTo(endpoint);
      assertThat(failure.reason()).isEqualTo("Address already in use");
      assertThat(failure).hasMessage("cannot bind endpoint " + endpoint + ": Address already in use");
    }
  }

  @Test
  void whenThePubsubEndpointFailsTheControllerEndpointIsReleased() throws Exception {
    String controller = "ipc://" + dir.resolve("ctl.sock");
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      EndpointBindException failure = deployFailure(controller, "tcp://127.0.0.1:" + taken.getLocalPort());

      assertThat(failure.option()).isEqualTo("pubsub_endpoint");
      assertThat(failure.reason()).isEqualTo("Address already in use");
    }
    assertThat(dir.resolve("ctl.sock")).doesNotExist();
    Await.result(deploy(controller, "tcp://127.0.0.1:0"));
  }

  @Test
  void anUnknownHostIsRefused() {
    EndpointBindException failure = deployFailure("tcp://no-such-host.invalid:5555", "tcp://127.0.0.1:0");

    assertThat(failure.option()).isEqualTo("endpoint");
    assertThat(failure.reason()).isNotBlank();
  }

  @Test
  void aMalformedEndpointIsRefusedWithTheExpectedForm() {
    assertThat(deployFailure("tcp://127.0.0.1:0", "tcp://127.0.0.1").reason()).isEqualTo("expected tcp://HOST:PORT");
    assertThat(deployFailure("udp://127.0.0.1:5555", "tcp://127.0.0.1:0").reason())
        .isEqualTo("expected tcp://HOST:PORT or ipc://PATH");
  }

  @Test
  void anIpcSocketSomeoneListensOnIsNotTakenOver() throws Exception {
    Path path = dir.resolve("ctl.sock");
    try (ServerSocketChannel listener = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
      listener.bind(UnixDomainSocketAddress.of(path));

      EndpointBindException failure = deployFailure("ipc://" + path, "tcp://127.0.0.1:0");

      assertThat(failure.reason()).startsWith("Address already in use");
      try (SocketChannel client = SocketChannel.open(UnixDomainSocketAddress.of(path));
          SocketChannel accepted = listener.accept()) {
        assertThat(accepted).as("the first listener still owns the path").isNotNull();
      }
    }
  }

  @Test
  void aStaleIpcSocketFileIsReplaced() throws Exception {
    Path path = dir.resolve("ctl.sock");
    try (ServerSocketChannel gone = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
      gone.bind(UnixDomainSocketAddress.of(path));
    }
    assertThat(path).exists();

    Await.result(deploy("ipc://" + path, "tcp://127.0.0.1:0"));

    try (SocketChannel client = SocketChannel.open(UnixDomainSocketAddress.of(path))) {
      assertThat(client.isConnected()).isTrue();
    }
  }

  @Test
  void aFileThatIsNotASocketIsLeftAlone() throws Exception {
    Path path = Files.writeString(dir.resolve("ctl.sock"), "precious");

    assertThat(deployFailure("ipc://" + path, "tcp://127.0.0.1:0").reason())
        .isEqualTo("a file that is not a socket exists at this path");
    assertThat(path).hasContent("precious");
  }

  @Test
  void aMissingDirectoryIsRefused() {
    Path path = dir.resolve("no/such/dir/ctl.sock");

    assertThat(deployFailure("ipc://" + path, "tcp://127.0.0.1:0").reason())
        .startsWith("No such file or directory").contains(dir.resolve("no/such/dir").toString());
  }

  @Test
  void aPathTooLongForAUnixSocketIsRefused() {
    Path path = dir.resolve("x".repeat(120) + ".sock");

    assertThat(deployFailure("ipc://" + path, "tcp://127.0.0.1:0").reason())
        .isEqualTo("the path is longer than the 107 bytes a Unix socket path may have");
  }

  @Test
  void anUnknownEndpointOwnerIsRefused() {
    EndpointBindException failure = deployFailure("ipc://" + dir.resolve("ctl.sock"), "tcp://127.0.0.1:0",
        "no-such-user-here");

    assertThat(failure.reason()).isEqualTo("endpoint_owner 'no-such-user-here' is not a known user");
    assertThat(dir.resolve("ctl.sock")).doesNotExist();
  }

  private Future<String> deploy(String controller, String pubsub) {
    return vertx.deployVerticle(new ZmqBridgeVerticle(Bridge.spec(controller, pubsub, null, dir)));
  }

  private EndpointBindException deployFailure(String controller, String pubsub) {
    return deployFailure(controller, pubsub, null);
  }

  private EndpointBindException deployFailure(String controller, String pubsub, String owner) {
    Future<String> deployment = vertx.deployVerticle(new ZmqBridgeVerticle(Bridge.spec(controller, pubsub, owner, dir)));
    Throwable failure = Await.result(deployment.transform(done -> Future.succeededFuture(done.cause())));
    assertThat(failure).as("the deployment to fail").isInstanceOf(EndpointBindException.class);
    return (EndpointBindException) failure;
  }
}
