package io.circus.client;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ZmqSocketsTest {

  @ParameterizedTest(name = "{0}: {1} ms")
  @CsvSource({"tcp://127.0.0.1:5555, 500", "tcp://localhost:5555, 500", "tcp://[::1]:5555, 500",
      "inproc://circus, 500", "tcp://10.0.0.7:5555, 1000", "tcp://circus.example.org:5555, 1000"})
  void aStalledHandshakeIsRetriedSoonerOnALocalEndpoint(String endpoint, int millis) {
    assertThat(ZmqSockets.handshakeMillis(endpoint)).isEqualTo(millis);
  }
}
