package io.circus.cli.ctl;

import io.circus.client.CircusClient;
import io.circus.client.CircusClientException;
import io.circus.client.CircusErrorException;
import io.circus.client.CircusEvent;
import io.circus.client.CircusTimeoutException;
import io.circus.client.EventSubscriber;
import io.circus.client.ZmqCircusClient;
import io.circus.client.json.JsonWriter;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;

/**
 * Runs circusctl commands against one circusd, printing what circusctl 0.19 prints and returning
 * its exit status: 0 done, 3 error reply, 1 arguments refused, time-out or Ctrl-C. One connection
 * serves every command of a session (one command, or an interactive shell), opened at first use.
 */
final class Session implements AutoCloseable {

  static final int OK = 0;
  static final int FAILED = 1;
  static final int ERROR_REPLY = 3;

  private static final Duration LISTEN_POLL = Duration.ofMillis(200);

  private final Console console;
  private final Endpoints endpoints;
  private final Duration timeout;
  private CircusClient client;

  /** How replies are printed: as text, or as JSON ({@code --json}), indented ({@code --prettify}). */
  record Style(boolean json, boolean prettify) {
  }

  Session(Console console, Endpoints endpoints, Duration timeout) {
    this.console = console;
    this.endpoints = endpoints;
    this.timeout = timeout;
  }

  int run(CtlCommand command, Arguments arguments, Style style) {
    try {
      if (command instanceof Listen listen) {
        return listen(listen.topics(arguments));
      }
      ControllerCommand controllerCommand = (ControllerCommand) command;
      JsonObject properties = controllerCommand.properties(arguments);
      if (command instanceof Tail tail && tail.follows(arguments)) {
        return follow(tail, properties, style);
      }
      return print(controllerCommand, send(command.name(), properties), style);
    } catch (ArgumentError e) {
      console.err().println(e.getMessage());
    } catch (CircusTimeoutException e) {
      console.err().print(e.getMessage() + TimeoutHint.TEXT);
    } catch (CircusClientException e) {
      console.err().println(e.getMessage());
    } catch (InterruptedByUser e) {
      // Ctrl-C: circusctl 0.19 prints nothing and exits 1.
    }
    return FAILED;
  }

  /** The watcher names, for completion in the shell; none if circusd does not answer at once. */
  List<String> watcherNames() {
    try {
      return client().list().get(Math.min(timeout.toMillis(), 1000), TimeUnit.MILLISECONDS);
    } catch (Exception noAnswer) {
      return List.of();
    }
  }

  private JsonObject send(String command, JsonObject properties) throws InterruptedByUser {
    CompletableFuture<JsonObject> call = client().call(command, properties);
    try {
      return await(call);
    } catch (CircusErrorException e) {
      return e.reply();
    }
  }

  private int print(ControllerCommand command, JsonObject reply, Style style) {
    if (style.json()) {
      String json = style.prettify() ? JsonWriter.indented(reply) : JsonWriter.compact(reply);
      console.out().println(style.prettify() && console.terminal() ? JsonColors.colorize(json) : json);
      return OK;
    }
    boolean error = "error".equals(reply.getValue("status"));
    (error ? console.err() : console.out()).println(command.render(reply));
    return error ? ERROR_REPLY : OK;
  }

  /** Prints events as {@code b'topic': b'body'} until Ctrl-C. */
  private int listen(List<String> topics) {
    CompletableFuture<Void> interrupted = console.interruption().arm();
    try (EventSubscriber events = EventSubscriber.connect(endpoints.events(), topics)) {
      while (!interrupted.isDone()) {
        Optional<CircusEvent> event = events.receive(LISTEN_POLL);
        if (event.isPresent()) {
          console.out().println(PythonText.bytesRepr(event.get().topicBytes()) + ": "
              + PythonText.bytesRepr(event.get().bodyBytes()));
          console.out().flush();
        }
      }
    } finally {
      console.interruption().disarm();
    }
    return FAILED;
  }

  /**
   * {@code tail -f}: subscribes, prints the history, then the new lines until Ctrl-C. Each output
   * block has a number ({@code seq}): a live message the history already held is skipped, and a
   * gap (blocks published before the subscription took effect, or dropped on the way) is filled
   * from the history. The events endpoint is the one circusd reports.
   */
  private int follow(Tail tail, JsonObject properties, Style style) throws InterruptedByUser {
    JsonObject endpoint = send("globaloptions", new JsonObject().put("option", "pubsub_endpoint"));
    if (!ControllerCommand.isOk(endpoint)) return print(tail, endpoint, style);
    String name = properties.getString("name");
    String events = endpoint.getJsonObject("options").getString("pubsub_endpoint");
    try (EventSubscriber lines = EventSubscriber.connect(events, List.of(Tail.topic(name)))) {
      JsonObject history = send(tail.name(), properties);
      int status = print(tail, history, style);
      if (status != OK) return status;
      long printed = history.getLong("seq", 0L);
      CompletableFuture<Void> interrupted = console.interruption().arm();
      try {
        while (!interrupted.isDone()) {
          Optional<CircusEvent> message = lines.receive(LISTEN_POLL);
          if (message.isEmpty()) continue;
          JsonObject live = message.get().data();
          long seq = live.getLong("seq", printed + 1);
          if (seq > printed + 1) {
            JsonObject gap = send(tail.name(), properties.copy().put("lines", Tail.ALL_KEPT).put("after", printed));
            if (ControllerCommand.isOk(gap)) {
              if (!gap.getJsonArray("lines", new JsonArray()).isEmpty()) print(tail, gap, style);
              printed = gap.getLong("seq", printed);
            }
          }
          if (seq > printed) {
            Tail.live(live).forEach(console.out()::println);
            printed = seq;
          }
          console.out().flush();
        }
      } finally {
        console.interruption().disarm();
      }
    }
    return FAILED;
  }

  /** The call's reply; Ctrl-C ends the wait. */
  private <T> T await(CompletableFuture<T> call) throws InterruptedByUser {
    CompletableFuture<Void> interrupted = console.interruption().arm();
    try {
      CompletableFuture.anyOf(call, interrupted).join();
    } catch (CompletionException callFailed) {
      // the call's own failure is rethrown below
    } finally {
      console.interruption().disarm();
    }
    if (!call.isDone()) {
      call.cancel(false);
      throw new InterruptedByUser();
    }
    try {
      return call.join();
    } catch (CompletionException e) {
      throw e.getCause() instanceof RuntimeException cause ? cause : e;
    }
  }

  private CircusClient client() {
    if (client == null) {
      client = ZmqCircusClient.connect(endpoints.controller(), timeout);
    }
    return client;
  }

  @Override
  public void close() {
    if (client != null) {
      client.close();
    }
  }

  /** Ctrl-C during a wait. */
  private static final class InterruptedByUser extends Exception {
  }
}
