package io.circus.zmq;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import io.circus.testing.JeromqClients;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.zeromq.ZMQ;

/**
 * The tcp endpoint forms Circus configurations use, as JeroMQ and libzmq resolve them: the bound
 * endpoint carries the real port, and a JeroMQ client reaches the controller on it.
 */
class TcpEndpointFormsTest {

  @ParameterizedTest
  @CsvSource({
      "tcp://127.0.0.1:0, tcp://127.0.0.1:",
      "tcp://127.0.0.1:*, tcp://127.0.0.1:",
      "tcp://localhost:0, tcp://127.0.0.1:",
      "tcp://*:0, tcp://0.0.0.0:",
      "tcp://0.0.0.0:0, tcp://0.0.0.0:",
      "tcp://[::1]:0, tcp://[0:0:0:0:0:0:0:1]:"})
  void theBoundEndpointHasTheRealPortAndAnswers(String configured, String boundPrefix) {
    if (configured.contains("[::1]")) {
      assumeThat(hasIpv6Loopback()).as("needs ::1").isTrue();
    }
    try (Bridge bridge = Bridge.start(Bridge.spec(configured, "tcp://127.0.0.1:0", null, Path.of("")));
        JeromqClients clients = new JeromqClients()) {
      String bound = bridge.controllerEndpoint();
      assertThat(bound).startsWith(boundPrefix);
      int port = Integer.parseInt(bound.substring(boundPrefix.length()));
      assertThat(port).isPositive();

      String reachable = bound.replace("0.0.0.0", "127.0.0.1");
      ZMQ.Socket client = clients.dealer(reachable);
      client.send("{\"command\": \"list\", \"properties\": {}, \"id\": \"f1\"}");
      assertThat(JeromqClients.reply(client).getString("id")).isEqualTo("f1");
    }
  }

  private static boolean hasIpv6Loopback() {
    try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getByName("::1"))) {
      return true;
    } catch (IOException e) {
      return false;
    }
  }
}
