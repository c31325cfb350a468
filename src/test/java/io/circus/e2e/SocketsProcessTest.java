package io.circus.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** bin/circusd with sockets: bound before the workers start, served by them, closed at exit, or refused. */
class SocketsProcessTest {

  private static final Duration EXIT = Duration.ofSeconds(60);
  private static final String WORKER = Path.of("examples", "http_worker.py").toAbsolutePath().toString();

  @TempDir
  Path dir;

  private static String get(int port) throws IOException {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 10_000);
      socket.setSoTimeout(30_000);
      socket.getOutputStream().write("GET /e2e HTTP/1.0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
      return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  @Test
  void workersServeTheSocketsAndCircusdClosesThemAtExit() throws Exception {
    int port = CircusdProcess.freePort();
    Path unix = dir.resolve("web.sock");
    Files.writeString(dir.resolve("circus.ini"), """
        [socket:web]
        host = 127.0.0.1
        port = %d
        [socket:local]
        path = %s
        [watcher:web]
        cmd = %s $(circus.sockets.web) web
        use_sockets = true
        numprocesses = 2
        """.formatted(port, unix, WORKER));
    try (CircusdProcess circusd = CircusdProcess.start(dir, "circus.ini")) {
      circusd.awaitChildren("python3 " + WORKER + " 3 web", 2);

      assertThat(get(port)).startsWith("HTTP/1.0 200 ").endsWith(" /e2e\n");
      assertThat(unix).exists();

      circusd.signal("TERM");
      assertThat(circusd.waitForExit(EXIT)).isZero();
    }
    assertThatThrownBy(() -> get(port)).isInstanceOf(ConnectException.class);
    assertThat(unix).doesNotExist();
  }

  @Test
  void aSocketThatCannotBeBoundIsRefusedBeforeAnythingStarts() throws Exception {
    Path pidfile = dir.resolve("circusd.pid");
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      Files.writeString(dir.resolve("circus.ini"), """
          [socket:web]
          host = 127.0.0.1
          port = %d
          [watcher:web]
          cmd = sleep 3607
          use_sockets = true
          """.formatted(taken.getLocalPort()));
      try (CircusdProcess circusd = CircusdProcess.start(dir, "--pidfile", pidfile.toString(), "circus.ini")) {
        assertThat(circusd.waitForExit(EXIT)).isEqualTo(1);
        assertThat(circusd.output()).contains("circusd: refusing to start, the configuration has errors:",
            "circus.ini [socket:web] port = \"" + taken.getLocalPort() + "\"", "Address already in use")
            .doesNotContain("Exception");
      }
    }
    assertThat(pidfile).doesNotExist();
  }
}
