package io.circus.testing;

import io.circus.arbiter.Arbiter;
import io.circus.arbiter.ArbiterVerticle;
import io.circus.arbiter.Await;
import io.circus.config.ArbiterSpec;
import io.circus.config.CommandArgs;
import io.circus.config.WatcherSpec;
import io.circus.process.NativeProcessLauncher;
import io.circus.stats.StatsVerticle;
import io.circus.zmq.Publication;
import io.circus.zmq.ZmqBridgeSpec;
import io.circus.zmq.ZmqBridgeVerticle;
import io.vertx.core.Vertx;
import java.nio.file.Path;
import java.util.List;

/**
 * The stats side of circusd in this JVM: an arbiter with one {@code sleep} watcher named
 * {@code alpha}, the stats stream, and the ZeroMQ bridge publishing it on a stats endpoint.
 *
 * @param endpoint the stats endpoint as bound
 * @param pid the pid of alpha's process
 */
public record StreamingDaemon(String endpoint, int pid) {

  /** Starts it on {@code vertx}; {@code statsEndpoint} as configured (port 0 for a free one). */
  public static StreamingDaemon start(Vertx vertx, String statsEndpoint, Path workingDirectory) {
    WatcherSpec alpha = WatcherSpec.builder("alpha").cmd("sleep").args(new CommandArgs.Words(List.of("600"))).build();
    Arbiter arbiter = Await.result(ArbiterVerticle.deploy(vertx, ArbiterSpec.defaults(), List.of(alpha), NativeProcessLauncher::new));
    Await.result(arbiter.start());
    ZmqBridgeVerticle bridge = new ZmqBridgeVerticle(new ZmqBridgeSpec("tcp://127.0.0.1:0", null,
        List.of(new Publication(ZmqBridgeSpec.STATS_OPTION, statsEndpoint, List.of(StatsVerticle.ADDRESS))), workingDirectory));
    Await.result(vertx.deployVerticle(bridge));
    Await.result(vertx.deployVerticle(new StatsVerticle(arbiter)));
    return new StreamingDaemon(bridge.publicationEndpoint(ZmqBridgeSpec.STATS_OPTION),
        arbiter.watcher("alpha").orElseThrow().snapshot().pids().get(0));
  }
}
