package io.circus.e2e;

import io.circus.testing.JeromqClients;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.zeromq.ZMQ;

/**
 * The corpus's stall probes (envelope.json): a bad payload, then a valid request with id
 * "follow-up", on one connection; then the valid request again on a new connection. Says which of
 * them got an answer, as the capture driver recorded it.
 */
final class StallProbe {

  private static final String FOLLOW_UP = "follow-up";
  /** How long the follow-up may take; past it, the connection counts as stalled. */
  private static final Duration ANSWER = Duration.ofSeconds(10);
  /** How long to listen for a late answer to the first message once the follow-up was answered. */
  private static final Duration LATE = Duration.ofSeconds(3);

  private StallProbe() {
  }

  static JsonObject run(JeromqClients clients, String controller, JsonArray messages) {
    boolean firstAnswered = false;
    boolean followUpAnswered = false;
    ZMQ.Socket socket = clients.dealer(controller);
    try {
      for (int i = 0; i < messages.size(); i++) {
        socket.send(messages.getString(i).getBytes(StandardCharsets.ISO_8859_1));
      }
      long deadline = System.nanoTime() + ANSWER.toNanos();
      while (System.nanoTime() < deadline) {
        socket.setReceiveTimeOut((int) Math.max(1, (deadline - System.nanoTime()) / 1_000_000));
        byte[] frame = socket.recv();
        if (frame == null) {
          break;
        }
        if (FOLLOW_UP.equals(new JsonObject(new String(frame, StandardCharsets.UTF_8)).getValue("id"))) {
          followUpAnswered = true;
          deadline = Math.min(deadline, System.nanoTime() + LATE.toNanos());
        } else {
          firstAnswered = true;
        }
      }
    } finally {
      clients.close(socket);
    }
    return new JsonObject().put("first_answered", firstAnswered)
        .put("follow_up_answered_on_same_connection", followUpAnswered)
        .put("answered_again_after_reconnect", answeredOnNewConnection(clients, controller, messages.getString(1)));
  }

  private static boolean answeredOnNewConnection(JeromqClients clients, String controller, String request) {
    ZMQ.Socket socket = clients.dealer(controller);
    try {
      socket.setReceiveTimeOut((int) ANSWER.toMillis());
      socket.send(request);
      return socket.recv() != null;
    } finally {
      clients.close(socket);
    }
  }
}
