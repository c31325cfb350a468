package io.circus.zmq;

import io.circus.arbiter.Await;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.util.List;

/** A Vert.x instance with a stand-in controller and a deployed {@link ZmqBridgeVerticle}. */
final class Bridge implements AutoCloseable {

  static final String EVENTS = "circus.events";

  final Vertx vertx;
  final StandInController controller;
  final ZmqBridgeVerticle verticle;
  private String deploymentId;

  private Bridge(Vertx vertx, ZmqBridgeVerticle verticle) {
    this.vertx = vertx;
    this.controller = StandInController.register(vertx);
    this.verticle = verticle;
  }

  /** A bridge on free loopback ports. */
  static Bridge onTcp() {
    return start(spec("tcp://127.0.0.1:0", "tcp://127.0.0.1:0", null, Path.of("")));
  }

  /** A bridge on ipc sockets {@code ctl.sock} and {@code pub.sock} in {@code directory}. */
  static Bridge onIpc(Path directory, String endpointOwner) {
    return start(spec("ipc://" + directory.resolve("ctl.sock"), "ipc://" + directory.resolve("pub.sock"),
        endpointOwner, directory));
  }

  static ZmqBridgeSpec spec(String controller, String pubsub, String owner, Path workingDirectory) {
    return new ZmqBridgeSpec(controller, owner,
        List.of(new Publication(ZmqBridgeSpec.PUBSUB_OPTION, pubsub, List.of(EVENTS, ZmqBridgeSpec.OUTPUT_ADDRESS))),
        workingDirectory);
  }

  static Bridge start(ZmqBridgeSpec spec) {
    Vertx vertx = Vertx.vertx();
    Bridge bridge = new Bridge(vertx, new ZmqBridgeVerticle(spec));
    bridge.deploymentId = Await.result(vertx.deployVerticle(bridge.verticle));
    return bridge;
  }

  /** Deploys another bridge on this Vert.x instance; the future fails as the deployment does. */
  Future<String> deployAnother(ZmqBridgeSpec spec) {
    return vertx.deployVerticle(new ZmqBridgeVerticle(spec));
  }

  String controllerEndpoint() {
    return verticle.controllerEndpoint();
  }

  String pubsubEndpoint() {
    return verticle.publicationEndpoint(ZmqBridgeSpec.PUBSUB_OPTION);
  }

  /** Undeploys the bridge, as a daemon's stop does; the Vert.x instance and the controller stay. */
  Future<Void> stopBridge() {
    return vertx.undeploy(deploymentId);
  }

  void publishEvent(String topic, JsonObject data) {
    vertx.eventBus().publish(EVENTS, new JsonObject().put("topic", topic).put("data", data));
  }

  @Override
  public void close() {
    Await.result(vertx.close());
  }
}
