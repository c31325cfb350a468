package io.circus.testing;

import io.circus.client.json.JsonReader;
import io.circus.client.json.JsonWriter;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import org.zeromq.SocketType;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;

/**
 * A stand-in for circusd's ZeroMQ side, on loopback ports: a ROUTER that records every request
 * and answers with what a responder returns (zero, one or several reply frames), and an XPUB
 * events endpoint that records subscriptions and publishes {@code [topic, body]} messages. One
 * thread owns both sockets, as JeroMQ wants.
 */
public final class FakeCircusd implements AutoCloseable {

  /** A request as it came: the sender's identity and the payload frame. */
  public record Request(String identity, String payload) {

    public JsonObject json() {
      return JsonReader.parseObject(payload);
    }

    public String id() {
      return String.valueOf(json().getValue("id"));
    }
  }

  private static final int HANDSHAKE_MILLIS = 500;

  private final ZContext context = new ZContext(1);
  private final ZMQ.Socket router;
  private final ZMQ.Socket publisher;
  private final String endpoint;
  private final String pubsubEndpoint;
  private final Function<Request, List<String>> responder;
  private final List<Request> requests = new CopyOnWriteArrayList<>();
  private final List<String> subscriptions = new CopyOnWriteArrayList<>();
  private final Queue<String[]> toPublish = new ConcurrentLinkedQueue<>();
  private final Thread thread;
  private volatile boolean running = true;

  private FakeCircusd(Function<Request, List<String>> responder) {
    this.responder = responder;
    router = context.createSocket(SocketType.ROUTER);
    router.setLinger(0);
    // JeroMQ 0.6.0 leaves a few fresh TCP connections stuck before the handshake (see the clients'
    // ZmqSockets): a short handshake time-out on this side too, so the client reconnects at once.
    router.setHandshakeIvl(HANDSHAKE_MILLIS);
    endpoint = "tcp://127.0.0.1:" + router.bindToRandomPort("tcp://127.0.0.1");
    publisher = context.createSocket(SocketType.XPUB);
    publisher.setLinger(0);
    publisher.setHandshakeIvl(HANDSHAKE_MILLIS);
    pubsubEndpoint = "tcp://127.0.0.1:" + publisher.bindToRandomPort("tcp://127.0.0.1");
    thread = new Thread(this::serve, "fake-circusd");
    thread.start();
  }

  /** Answers each request with the frames {@code responder} returns (none: no answer). */
  public static FakeCircusd start(Function<Request, List<String>> responder) {
    return new FakeCircusd(responder);
  }

  /** Answers each request with {@code reply(request)}, its {@code id} set to the request's. */
  public static FakeCircusd replying(Function<JsonObject, JsonObject> reply) {
    return start(request -> {
      JsonObject answer = reply.apply(request.json());
      return answer == null ? List.of() : List.of(withId(answer, request.id()));
    });
  }

  /** The reply as JSON text with {@code "id"} replaced by {@code id} (kept in its place). */
  public static String withId(JsonObject reply, String id) {
    JsonObject copy = reply.copy();
    if (copy.containsKey("id")) copy.put("id", id);
    return JsonWriter.compact(copy);
  }

  public String endpoint() {
    return endpoint;
  }

  public String pubsubEndpoint() {
    return pubsubEndpoint;
  }

  public List<Request> requests() {
    return new ArrayList<>(requests);
  }

  /** The topic prefixes subscribers asked for so far. */
  public List<String> subscriptions() {
    return new ArrayList<>(subscriptions);
  }

  public void publish(String topic, String body) {
    toPublish.add(new String[] {topic, body});
  }

  private void serve() {
    try (ZMQ.Poller poller = context.createPoller(2)) {
      poller.register(router, ZMQ.Poller.POLLIN);
      poller.register(publisher, ZMQ.Poller.POLLIN);
      while (running) {
        poller.poll(20);
        answerRequests();
        recordSubscriptions();
        for (String[] event = toPublish.poll(); event != null; event = toPublish.poll()) {
          publisher.sendMore(event[0]);
          publisher.send(event[1]);
        }
      }
    }
  }

  private void answerRequests() {
    byte[] identity;
    while ((identity = router.recv(ZMQ.DONTWAIT)) != null) {
      List<String> frames = new ArrayList<>();
      while (router.hasReceiveMore()) frames.add(router.recvStr());
      Request request = new Request(new String(identity, StandardCharsets.ISO_8859_1), String.join("", frames));
      requests.add(request);
      for (String reply : responder.apply(request)) {
        router.sendMore(identity);
        router.send(reply);
      }
    }
  }

  private void recordSubscriptions() {
    byte[] message;
    while ((message = publisher.recv(ZMQ.DONTWAIT)) != null) {
      if (message.length > 0 && message[0] == 1) {
        subscriptions.add(new String(message, 1, message.length - 1, StandardCharsets.UTF_8));
      }
    }
  }

  @Override
  public void close() throws InterruptedException {
    running = false;
    thread.join();
    context.close();
  }
}
