package io.circus.commands;

import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.eventbus.Message;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.json.JsonObject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The command dispatcher on the bus address {@value #ADDRESS}: every request gets exactly one
 * reply (none for a cast), the JSON a Circus 0.19 daemon would send, whether it came from ZMQ,
 * HTTP, a plugin or another JVM. A reply body of {@code null} means "no reply". Requests are
 * independent: a slow one (a stop waiting for a graceful timeout) never holds up the others.
 */
public final class Controller extends VerticleBase {

  public static final String ADDRESS = "circus.command";
  private static final Logger log = LoggerFactory.getLogger(Controller.class);

  private final CommandRegistry registry;
  private final CommandContext context;
  private MessageConsumer<Object> consumer;

  public Controller(CommandRegistry registry, CommandContext context) {
    this.registry = registry;
    this.context = context;
  }

  @Override
  public Future<?> start() {
    consumer = vertx.eventBus().consumer(ADDRESS, this::onMessage);
    return consumer.completion();
  }

  @Override
  public Future<?> stop() {
    return consumer.unregister();
  }

  private void onMessage(Message<Object> message) {
    Request request;
    try {
      request = Request.read(message.body());
    } catch (Request.Unreadable e) {
      log.debug("unreadable request: {}", e.getMessage());
      message.reply(e.reply());
      return;
    }
    Outcome outcome = handle(request);
    outcome.reply().onComplete(done -> {
      message.reply(request.cast() ? null : done.result());
      outcome.afterReply().run(); // quit's exit, for one, must wait for the reply to be on its way
    });
  }

  /** The reply to send (a future that always succeeds) and what to do once it is sent. */
  private record Outcome(Future<JsonObject> reply, Runnable afterReply) {
    static Outcome of(JsonObject reply) {
      return new Outcome(Future.succeededFuture(reply), () -> { });
    }
  }

  private Outcome handle(Request request) {
    Command command = registry.find(request.command()).orElse(null);
    if (command == null) {
      return Outcome.of(Replies.error(Errno.UNKNOWN_COMMAND, "unknown command: " + PythonRepr.string(request.command()),
          null, request.id()));
    }
    Execution execution;
    Future<JsonObject> running;
    try {
      execution = command.prepare(context, request.properties());
      running = execution.operation().get();
    } catch (CommandError e) {
      return Outcome.of(Replies.error(e, request.payload(), request.id()));
    } catch (Throwable e) { // a bug in one command must still answer its client, and never reach the bus
      log.error("command {} failed: {}", command.name(), request.properties().json(), e);
      return Outcome.of(Replies.unexpected(e, request.payload(), request.id()));
    }
    Runnable afterReply = execution.afterReply() == null ? () -> { } : execution.afterReply();
    if (execution.deferred() && !request.properties().flag("waiting")) {
      running.onFailure(e -> log.error("{} failed after its reply was sent: {}", command.name(), e.getMessage(), e));
      return new Outcome(Future.succeededFuture(Replies.ok(new JsonObject(), request.id())), afterReply);
    }
    return new Outcome(running.transform(done -> Future.succeededFuture(done.succeeded()
        ? Replies.ok(done.result(), request.id())
        : failure(command, request, execution, done.cause()))), afterReply);
  }

  private static JsonObject failure(Command command, Request request, Execution execution, Throwable cause) {
    if (cause instanceof CommandError e) {
      return Replies.error(e, request.payload(), request.id());
    }
    log.error("command {} failed", command.name(), cause);
    if (execution.deferred()) {
      return Replies.error(Errno.BAD_MSG_DATA, "server error", null, request.id());
    }
    return Replies.unexpected(cause, request.payload(), request.id());
  }
}
