package io.circus.client;

import io.circus.client.json.JsonReader;
import io.circus.client.json.JsonWriter;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.Pipe;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.zeromq.SocketType;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;
import org.zeromq.ZMQException;

/**
 * The thread that owns a DEALER socket (JeroMQ sockets are not thread-safe): callers queue
 * requests and wake it through a pipe; it sends them, reads replies, completes the call whose id
 * a reply names (replies with another id are dropped, as the Python client does), and fails
 * calls whose time-out passed.
 */
final class DealerLoop implements Runnable {

  private static final int MAX_RECEIVED_PER_ROUND = 1000;

  private final ZContext context;
  private final ZMQ.Socket dealer;
  private final Pipe wakeup;
  private final ZMQ.Poller poller;
  private final Queue<Outgoing> outbox = new ConcurrentLinkedQueue<>();
  private final Map<String, Outgoing> pending = new HashMap<>();
  private final PriorityQueue<Outgoing> deadlines =
      new PriorityQueue<>((a, b) -> Long.compare(a.deadlineNanos(), b.deadlineNanos()));
  private final Thread thread;
  private volatile boolean closing;

  /**
   * A request on its way: {@code reply} is null for a cast, which completes {@code sent} instead.
   * A class, not a record: queues compare entries, and a record's equals would start the
   * method-handle machinery, which costs circusctl ~15 ms of start-up.
   */
  private static final class Outgoing {
    private final String id;
    private final byte[] payload;
    private final CompletableFuture<JsonObject> reply;
    private final CompletableFuture<Void> sent;
    private final long deadlineNanos;

    private Outgoing(CircusRequest request, CompletableFuture<JsonObject> reply, CompletableFuture<Void> sent,
        long deadlineNanos) {
      this.id = request.id();
      this.payload = JsonWriter.compact(request.toJson()).getBytes(StandardCharsets.UTF_8);
      this.reply = reply;
      this.sent = sent;
      this.deadlineNanos = deadlineNanos;
    }

    static Outgoing call(CircusRequest request, CompletableFuture<JsonObject> reply, long deadlineNanos) {
      return new Outgoing(request, reply, null, deadlineNanos);
    }

    static Outgoing cast(CircusRequest request, CompletableFuture<Void> sent) {
      return new Outgoing(request, null, sent, Long.MAX_VALUE);
    }

    String id() {
      return id;
    }

    byte[] payload() {
      return payload;
    }

    CompletableFuture<JsonObject> reply() {
      return reply;
    }

    CompletableFuture<Void> sent() {
      return sent;
    }

    long deadlineNanos() {
      return deadlineNanos;
    }

    void fail(RuntimeException cause) {
      if (reply != null) reply.completeExceptionally(cause);
      if (sent != null) sent.completeExceptionally(cause);
    }
  }

  DealerLoop(String endpoint) {
    context = new ZContext(1);
    try {
      dealer = context.createSocket(SocketType.DEALER);
      ZmqSockets.configure(dealer, endpoint);
      dealer.setIdentity(RequestIds.next().getBytes(StandardCharsets.US_ASCII));
      dealer.connect(endpoint);
      wakeup = Pipe.open();
      wakeup.source().configureBlocking(false);
      wakeup.sink().configureBlocking(false);
      poller = context.createPoller(2);
      poller.register(dealer, ZMQ.Poller.POLLIN);
      poller.register(wakeup.source(), ZMQ.Poller.POLLIN);
    } catch (ZMQException | IllegalArgumentException e) {
      context.close();
      throw new CircusClientException("cannot connect to " + endpoint + ": " + e.getMessage(), e);
    } catch (IOException e) {
      context.close();
      throw new UncheckedIOException(e);
    }
    thread = new Thread(this, "circus-client " + endpoint);
    thread.setDaemon(true);
    thread.start();
  }

  void call(CircusRequest request, long timeoutNanos, CompletableFuture<JsonObject> reply) {
    submit(Outgoing.call(request, reply, System.nanoTime() + timeoutNanos));
  }

  void cast(CircusRequest request, CompletableFuture<Void> sent) {
    submit(Outgoing.cast(request, sent));
  }

  private void submit(Outgoing outgoing) {
    if (closing) {
      outgoing.fail(new CircusClientException("the client is closed"));
      return;
    }
    outbox.add(outgoing);
    wake();
    if (closing && outbox.remove(outgoing)) {
      outgoing.fail(new CircusClientException("the client is closed"));
    }
  }

  /** Stops the thread; waits for it unless called from it (a dependent action of a call). */
  void close() {
    closing = true;
    wake();
    if (Thread.currentThread() != thread) {
      try {
        thread.join();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  private void wake() {
    try {
      wakeup.sink().write(ByteBuffer.wrap(new byte[] {1}));
    } catch (IOException closedOrFull) {
      // full: a wake-up is already pending; closed: the loop has ended and failed everything
    }
  }

  @Override
  public void run() {
    try {
      while (!closing) {
        poller.poll(millisToNextDeadline());
        drainWakeups();
        sendQueued();
        receiveReplies();
        expireDeadlines();
      }
    } finally {
      shutDown();
    }
  }

  private long millisToNextDeadline() {
    Outgoing next = deadlines.peek();
    if (next == null) return -1;
    long nanos = next.deadlineNanos() - System.nanoTime();
    return nanos <= 0 ? 0 : Math.max(1, nanos / 1_000_000);
  }

  private void drainWakeups() {
    ByteBuffer buffer = ByteBuffer.allocate(64);
    try {
      while (wakeup.source().read(buffer) > 0) {
        buffer.clear();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void sendQueued() {
    for (Outgoing outgoing = outbox.poll(); outgoing != null; outgoing = outbox.poll()) {
      if (outgoing.reply() != null && outgoing.reply().isDone()) continue; // cancelled by the caller
      if (!dealer.send(outgoing.payload(), ZMQ.DONTWAIT)) {
        outgoing.fail(new CircusClientException("cannot send: too many requests queued for the daemon"));
      } else if (outgoing.reply() == null) {
        outgoing.sent().complete(null);
      } else {
        pending.put(outgoing.id(), outgoing);
        deadlines.add(outgoing);
      }
    }
  }

  private void receiveReplies() {
    for (int i = 0; i < MAX_RECEIVED_PER_ROUND; i++) {
      byte[] frame = dealer.recv(ZMQ.DONTWAIT);
      if (frame == null) return;
      JsonObject reply;
      try {
        reply = JsonReader.parseObject(new String(frame, StandardCharsets.UTF_8));
      } catch (IllegalArgumentException unreadable) {
        // A reply that cannot be read names no call; the call it answered times out.
        continue;
      }
      Outgoing call = pending.remove(String.valueOf(reply.getValue("id")));
      if (call != null) {
        deadlines.remove(call);
        complete(call.reply(), reply);
      }
    }
  }

  private static void complete(CompletableFuture<JsonObject> future, JsonObject reply) {
    if ("error".equals(reply.getValue("status"))) {
      future.completeExceptionally(new CircusErrorException(reply));
    } else {
      future.complete(reply);
    }
  }

  private void expireDeadlines() {
    long now = System.nanoTime();
    while (!deadlines.isEmpty() && deadlines.peek().deadlineNanos() - now <= 0) {
      Outgoing expired = deadlines.poll();
      pending.remove(expired.id());
      expired.reply().completeExceptionally(new CircusTimeoutException());
    }
  }

  private void shutDown() {
    CircusClientException closed = new CircusClientException("the client is closed");
    pending.values().forEach(call -> call.fail(closed));
    pending.clear();
    deadlines.clear();
    for (Outgoing outgoing = outbox.poll(); outgoing != null; outgoing = outbox.poll()) {
      outgoing.fail(closed);
    }
    poller.close();
    context.close();
    try {
      wakeup.sink().close();
      wakeup.source().close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
