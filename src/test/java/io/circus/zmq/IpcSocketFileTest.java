package io.circus.zmq;

import static org.assertj.core.api.Assertions.assertThat;

import io.circus.arbiter.Await;
import io.circus.testing.OsUser;
import io.circus.testing.PyZmq;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How the ipc socket files are secured: their mode, their owner (endpoint_owner), their life. */
class IpcSocketFileTest {

  private static final String LIST = "{\"command\": \"list\", \"properties\": {}}";
  private static final List<String> SOCKETS = List.of("ctl.sock", "pub.sock");

  @TempDir
  Path dir;

  private Bridge bridge;

  @AfterEach
  void stop() {
    if (bridge != null) {
      bridge.close();
    }
  }

  @Test
  void theSocketFilesAreForTheDaemonsUserOnlyAndNothingElseIsLeftBeside() throws Exception {
    bridge = Bridge.onIpc(dir, null);

    for (String name : SOCKETS) {
      Path socket = dir.resolve(name);
      assertThat(Files.getPosixFilePermissions(socket)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
      assertThat(Files.getOwner(socket).getName()).isEqualTo(System.getProperty("user.name"));
    }
    try (Stream<Path> files = Files.list(dir)) {
      assertThat(files.map(file -> file.getFileName().toString())).containsExactlyInAnyOrderElementsOf(SOCKETS);
    }
  }

  @Test
  void endpointOwnerIsGivenTheSocketFiles() throws Exception {
    OsUser.assumeRoot();
    bridge = Bridge.onIpc(dir, "nobody");

    for (String name : SOCKETS) {
      Path socket = dir.resolve(name);
      assertThat(Files.getOwner(socket).getName()).isEqualTo("nobody");
      assertThat(Files.getPosixFilePermissions(socket)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
    }
  }

  @Test
  void theEndpointOwnerCanUseTheControllerAndAnotherUserCannotConnect() throws Exception {
    OsUser.assumeRoot();
    PyZmq.assumeAvailable();
    // Others may pass through the directory (as through /run), but only the socket's mode decides.
    Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx--x--x"));
    bridge = Bridge.onIpc(dir, "nobody");

    try (PyZmq owner = PyZmq.runAs(OsUser.lookup("nobody"), dir, "call", bridge.controllerEndpoint(), LIST);
        PyZmq stranger = PyZmq.python(OsUser.lookup("daemon").setpriv(), List.of("-c",
            "import socket, sys\ns = socket.socket(socket.AF_UNIX)\ns.connect(sys.argv[1])", dir.resolve("ctl.sock").toString()))) {
      assertThat(owner.awaitExit(0)).singleElement().satisfies(reply -> assertThat(reply).contains("\"status\": \"ok\""));
      assertThat(stranger.awaitExit(1)).anySatisfy(line -> assertThat(line).contains("PermissionError"));
    }
  }

  @Test
  void theSocketFilesAreRemovedWhenTheBridgeStops() {
    bridge = Bridge.onIpc(dir, null);

    Await.result(bridge.stopBridge());

    for (String name : SOCKETS) {
      assertThat(dir.resolve(name)).doesNotExist();
    }
  }

  @Test
  void aSocketFileAnotherProcessPutInItsPlaceIsNotRemoved() throws Exception {
    bridge = Bridge.onIpc(dir, null);
    Path path = dir.resolve("ctl.sock");
    Files.delete(path);
    try (ServerSocketChannel newcomer = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
      newcomer.bind(UnixDomainSocketAddress.of(path));

      Await.result(bridge.stopBridge());

      assertThat(path).exists();
    }
  }
}
