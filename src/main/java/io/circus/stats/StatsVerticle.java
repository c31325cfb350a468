package io.circus.stats;

import io.circus.arbiter.Arbiter;
import io.circus.arbiter.ProcessInfo;
import io.circus.arbiter.Watcher;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.eventbus.EventBus;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Circus's circusd-stats inside the daemon: once a period, samples the processes of every watcher
 * and circusd itself and publishes on {@value #ADDRESS} what Circus's stats streamer publishes
 * (SPEC.md §5.2): for each group, one {@code stat.<group>.<pid>} record per process (its
 * {@code children} empty, its {@code age} counted from the OS start time, plus {@code subtopic}
 * and {@code name}), then the {@code stat.<group>} aggregate. A watcher without processes
 * (stopped, say) publishes nothing, as in Circus. Last come the {@code sockets} group's reads
 * (see {@link SocketReads}).
 *
 * <p>Which pids to sample is read from the watchers' snapshots at each tick (no event to follow,
 * nothing to miss); the sampling itself runs on a worker thread, one round at a time: a round that
 * is still running when the next tick comes makes that tick skip.
 */
public final class StatsVerticle extends VerticleBase {

  /** The bus address of the stats stream: {@code {"topic": "stat.web.4242", "data": {...}}}. */
  public static final String ADDRESS = "circus.stats";
  /** Circus's period. */
  public static final Duration PERIOD = Duration.ofSeconds(1);

  private static final Logger log = LoggerFactory.getLogger(StatsVerticle.class);

  private final Arbiter arbiter;
  private final Duration period;
  private final int daemonPid = (int) ProcessHandle.current().pid();
  private SocketReads socketReads;
  private ProcessSampler sampler;
  private long timer = -1;
  private boolean sampling;

  public StatsVerticle(Arbiter arbiter) {
    this(arbiter, PERIOD);
  }

  StatsVerticle(Arbiter arbiter, Duration period) {
    this.arbiter = arbiter;
    this.period = period;
  }

  @Override
  public Future<?> start() {
    return vertx.executeBlocking(ProcessSampler::new).onSuccess(made -> {
      sampler = made;
      socketReads = new SocketReads(arbiter::sockets);
      timer = vertx.setPeriodic(period.toMillis(), id -> tick());
    });
  }

  private void tick() {
    if (sampling) {
      return;
    }
    sampling = true;
    List<StatsGroup> groups = groups();
    List<JsonObject> socketMessages = socketReads.take(arbiter.sockets());
    EventBus bus = vertx.eventBus();
    vertx.executeBlocking(() -> {
      List<JsonObject> messages = new ArrayList<>();
      groups.forEach(group -> sample(group, messages));
      messages.addAll(socketMessages);
      // Published together rather than as sampled: the consumers' threads wake once for the burst,
      // not once per message.
      messages.forEach(message -> bus.publish(ADDRESS, message));
      return null;
    }, false).onComplete(done -> {
      sampling = false;
      if (done.failed()) {
        log.error("sampling the processes failed", done.cause());
      }
    });
  }

  /** What to sample this round: the watchers that have processes, then circusd itself. */
  private List<StatsGroup> groups() {
    List<StatsGroup> groups = new ArrayList<>();
    for (Watcher watcher : arbiter.watchers()) {
      List<StatsGroup.Member> members = new ArrayList<>();
      for (ProcessInfo process : watcher.snapshot().processes()) {
        members.add(new StatsGroup.Member(process.pid(), null));
      }
      if (!members.isEmpty()) {
        groups.add(new StatsGroup(watcher.name(), members));
      }
    }
    groups.add(new StatsGroup(StatsGroup.CIRCUS, List.of(new StatsGroup.Member(daemonPid, "circusd"))));
    return groups;
  }

  /** Worker thread: adds the group's per-process messages (those still alive), then its aggregate. */
  private void sample(StatsGroup group, List<JsonObject> messages) {
    List<JsonObject> records = new ArrayList<>();
    for (StatsGroup.Member member : group.members()) {
      sampler.sampleAlone(member.pid()).ifPresent(record -> {
        records.add(record);
        record.put("subtopic", member.pid()).put("name", member.label());
        messages.add(message("stat." + group.name() + "." + member.pid(), record));
      });
    }
    messages.add(message("stat." + group.name(), GroupAggregate.of(records)));
  }

  static JsonObject message(String topic, JsonObject data) {
    return new JsonObject().put("topic", topic).put("data", data);
  }

  @Override
  public Future<?> stop() {
    vertx.cancelTimer(timer);
    return socketReads == null ? Future.succeededFuture() : vertx.executeBlocking(() -> {
      socketReads.close();
      return null;
    });
  }
}
