package io.circus.client;

import io.circus.client.json.JsonReader;
import io.circus.client.json.JsonWriter;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * The thread that owns a DEALER socket (neither JeroMQ's nor ours is thread-safe): callers queue
 * requests and wake it; it sends them, reads replies, completes the call whose id
 * a reply names (replies with another id are dropped, as the Python client does), and fails
 * calls whose time-out passed.
 */
final class DealerLoop implements Runnable {

  private static final int MAX_RECEIVED_PER_ROUND = 1000;

  private final ClientSocket dealer;
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

  /** @throws CircusClientException when the endpoint is not valid, or for ipc when nobody listens on it */
  DealerLoop(String endpoint) {
    dealer = ClientSocket.dealer(endpoint, RequestIds.next().getBytes(StandardCharsets.US_ASCII));
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
    dealer.wake();
  }

  @Override
  public void run() {
    try {
      while (!closing) {
        dealer.poll(millisToNextDeadline());
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

  private void sendQueued() {
    for (Outgoing outgoing = outbox.poll(); outgoing != null; outgoing = outbox.poll()) {
      if (outgoing.reply() != null && outgoing.reply().isDone()) continue; // cancelled by the caller
      if (!dealer.send(outgoing.payload())) {
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
      byte[][] message = dealer.receive();
      if (message == null) return;
      if (message.length != 1) continue; // circusd replies one frame: this names no call
      JsonObject reply;
      try {
        reply = JsonReader.parseObject(new String(message[0], StandardCharsets.UTF_8));
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
    dealer.close();
  }
}
