package io.circus.zmq;

import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.eventbus.MessageConsumer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The ZeroMQ face of circusd, wire-compatible with Circus 0.19 clients (circusctl, circus-top,
 * plugins): a ROUTER on the controller endpoint whose requests go to the bus address
 * {@value CommandRelay#ADDRESS}, and a PUB per {@link Publication} carrying its bus addresses (the
 * events of {@code circus.events} and the output lines of {@code circus.output} on
 * {@code pubsub_endpoint}).
 *
 * <p>Threads: every socket is owned by one thread of its own ({@code circus-zmq-endpoint},
 * {@code circus-zmq-pubsub_endpoint}), which blocks until its socket or its mailbox has work; the
 * Vert.x threads only queue replies and publications for it. Both transports are served by this
 * package's ZMTP 3 server ({@link ZmtpServer}): tcp endpoints on a TCP port, ipc endpoints on a
 * Unix-domain socket secured by the file's mode and owner (see {@link UnixSocketFile}).
 *
 * <p>The start fails with an {@link EndpointBindException}, naming the option, the endpoint and the
 * reason, when an endpoint cannot be bound; nothing stays bound then. The stop refuses new
 * requests, waits (a bounded time) for the replies of those in flight, sends what is queued, then
 * closes every socket, joins the threads and removes the ipc socket files.
 */
public final class ZmqBridgeVerticle extends VerticleBase {

  private static final Logger log = LoggerFactory.getLogger(ZmqBridgeVerticle.class);
  /** How long a stop waits for the replies of requests in flight (quit's own reply comes at once). */
  private static final Duration REPLY_GRACE = Duration.ofSeconds(2);

  private final ZmqBridgeSpec spec;
  private final Map<String, PublisherSocket> publishers = new LinkedHashMap<>();
  private final List<MessageConsumer<Object>> consumers = new ArrayList<>();
  private CommandRelay relay;
  private ControllerSocket controller;

  public ZmqBridgeVerticle(ZmqBridgeSpec spec) {
    this.spec = spec;
  }

  /** The controller endpoint as bound (the real port when 0 or * was configured); null before start. */
  public String controllerEndpoint() {
    return controller == null ? null : controller.endpoint();
  }

  /** The endpoint as bound of the publication named by this option (e.g. {@code pubsub_endpoint}); null if none. */
  public String publicationEndpoint(String option) {
    PublisherSocket publisher = publishers.get(option);
    return publisher == null ? null : publisher.endpoint();
  }

  @Override
  public Future<?> start() {
    relay = new CommandRelay(vertx.eventBus());
    return vertx.executeBlocking(this::bindAll).onSuccess(bound -> {
      for (Publication publication : spec.publications()) {
        for (String address : publication.busAddresses()) {
          consumers.add(PublicationRelay.start(vertx.eventBus(), address, publishers.get(publication.option())));
        }
      }
      log.info("controller listening on {}; {}", controller.endpoint(), describePublications());
    });
  }

  private Void bindAll() throws EndpointBindException {
    SocketOpener opener = new SocketOpener(spec.endpointOwner(), spec.workingDirectory());
    try {
      controller = opener.controller(spec.controllerEndpoint(), ZmqBridgeSpec.CONTROLLER_OPTION, relay);
      for (Publication publication : spec.publications()) {
        publishers.put(publication.option(), opener.publisher(publication.endpoint(), publication.option()));
      }
      return null;
    } catch (EndpointBindException | RuntimeException e) {
      closeAll();
      throw e;
    }
  }

  private String describePublications() {
    List<String> described = new ArrayList<>();
    for (Publication publication : spec.publications()) {
      described.add(String.join(" and ", publication.busAddresses()) + " published on "
          + publicationEndpoint(publication.option()));
    }
    return String.join("; ", described);
  }

  @Override
  public Future<?> stop() {
    Future<Void> replied = relay.close().timeout(REPLY_GRACE.toMillis(), TimeUnit.MILLISECONDS)
        .recover(late -> {
          log.warn("stopping with {} request(s) still unanswered by the controller", relay.inFlight());
          return Future.succeededFuture();
        });
    return Future.all(consumers.stream().map(MessageConsumer::unregister).toList())
        .transform(unregistered -> replied)
        .transform(done -> vertx.executeBlocking(() -> {
          closeAll();
          return null;
        }));
  }

  /** Closes what is open; each socket's thread ends once its peers took what was queued. */
  private void closeAll() {
    if (controller != null) {
      controller.close();
    }
    publishers.values().forEach(PublisherSocket::close);
  }
}
