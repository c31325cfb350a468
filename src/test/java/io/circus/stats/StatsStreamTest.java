package io.circus.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.circus.arbiter.Arbiter;
import io.circus.arbiter.ArbiterVerticle;
import io.circus.arbiter.Await;
import io.circus.config.ArbiterSpec;
import io.circus.config.CommandArgs;
import io.circus.config.ConfigLoader;
import io.circus.config.WatcherSpec;
import io.circus.process.NativeProcessLauncher;
import io.circus.sockets.CircusSocket;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** The stats stream on {@code circus.stats}, sampling real children of a real arbiter. */
@ExtendWith(VertxExtension.class)
class StatsStreamTest {

  private static final Duration WAIT = Duration.ofSeconds(30);
  private static final Duration FAST_PERIOD = Duration.ofMillis(250);

  private Vertx vertx;
  private final List<JsonObject> published = new CopyOnWriteArrayList<>();

  @BeforeEach
  void setUp(Vertx vertx) {
    this.vertx = vertx;
    vertx.eventBus().<JsonObject>consumer(StatsVerticle.ADDRESS, message -> published.add(message.body()));
  }

  private Arbiter streaming(WatcherSpec... watchers) {
    return streaming(ArbiterVerticle.deploy(vertx, ArbiterSpec.defaults(), List.of(watchers), NativeProcessLauncher::new));
  }

  private Arbiter streaming(Future<Arbiter> deployed) {
    Arbiter arbiter = Await.result(deployed);
    Await.result(arbiter.start());
    Await.result(vertx.deployVerticle(new StatsVerticle(arbiter, FAST_PERIOD)));
    return arbiter;
  }

  private static WatcherSpec shell(String name, String script) {
    return WatcherSpec.builder(name).cmd("sh").args(new CommandArgs.Words(List.of("-c", script))).build();
  }

  private static WatcherSpec sleeper(String name, int processes) {
    return WatcherSpec.builder(name).cmd("sleep").args(new CommandArgs.Words(List.of("600"))).numprocesses(processes).build();
  }

  private int onlyPid(Arbiter arbiter, String watcher) {
    await().atMost(WAIT).until(() -> arbiter.watcher(watcher).orElseThrow().snapshot().pids().size() == 1);
    return arbiter.watcher(watcher).orElseThrow().snapshot().pids().get(0);
  }

  /** The data of the first message on {@code topic} that passes {@code test}, waiting for it. */
  private JsonObject awaitData(String topic, Predicate<JsonObject> test) {
    await().atMost(WAIT).until(() -> find(topic, test).isPresent());
    return find(topic, test).orElseThrow();
  }

  private Optional<JsonObject> find(String topic, Predicate<JsonObject> test) {
    return published.stream().filter(m -> m.getString("topic").equals(topic)).map(m -> m.getJsonObject("data"))
        .filter(test).findFirst();
  }

  @Test
  void aBusyLoopShowsMoreThanHalfACore() {
    Arbiter arbiter = streaming(shell("busy", "while :; do :; done"));
    int pid = onlyPid(arbiter, "busy");

    JsonObject record = awaitData("stat.busy." + pid, data -> data.getDouble("cpu") > 50);

    assertThat(record.getInteger("pid")).isEqualTo(pid);
    assertThat(record.getString("cmdline")).isEqualTo("sh");
    assertThat(awaitData("stat.busy", data -> data.getDouble("cpu") > 50).getJsonArray("pid")).containsExactly(pid);
  }

  @Test
  void aChildHolding200MegabytesShowsThemResident() {
    // bytes(...) * n writes every byte, so the pages are really resident (bytearray(n) would not touch them).
    Arbiter arbiter = streaming(WatcherSpec.builder("hog").cmd("python3")
        .args(new CommandArgs.Words(List.of("-c", "import time; b = b'x' * (210 * 1024 * 1024); time.sleep(600)"))).build());
    int pid = onlyPid(arbiter, "hog");

    JsonObject record = awaitData("stat.hog." + pid, data -> bytes(data.getString("mem_info1")) > 200L * 1024 * 1024);

    assertThat(bytes(record.getString("mem_info2"))).isGreaterThan(200L * 1024 * 1024);
    assertThat(record.getDouble("mem")).isPositive();
    assertThat(awaitData("stat.hog", data -> data.getDouble("mem") >= record.getDouble("mem")).getJsonArray("pid"))
        .containsExactly(pid);
  }

  @Test
  void aStoppedWatcherDisappearsFromTheStream() {
    Arbiter arbiter = streaming(sleeper("going", 2), sleeper("staying", 1));
    awaitData("stat.going", data -> data.getJsonArray("pid").size() == 2);

    Await.result(arbiter.watcher("going").orElseThrow().stop());
    // The round under way when the stop completed may still name the watcher: start counting after it.
    int roundsSeen = roundsCompleted();
    await().atMost(WAIT).until(() -> roundsCompleted() > roundsSeen);
    int from = published.size();
    await().atMost(WAIT).until(() -> roundsCompleted() > roundsSeen + 2);

    List<String> topics = published.subList(from, published.size()).stream().map(m -> m.getString("topic")).toList();
    assertThat(topics).noneMatch(topic -> topic.startsWith("stat.going")).contains("stat.staying");
  }

  @Test
  void circusdItselfIsTheCircusGroup() {
    streaming();
    int self = (int) ProcessHandle.current().pid();

    JsonObject record = awaitData("stat.circus." + self, data -> true);

    assertThat(record.getString("name")).isEqualTo("circusd");
    assertThat(record.getInteger("subtopic")).isEqualTo(self);
    assertThat(record.getString("cmdline")).isEqualTo("java");
    assertThat(awaitData("stat.circus", data -> true).getJsonArray("pid")).containsExactly(self);
  }

  @Test
  void messagesHaveCircusFieldsInCircusOrder() throws IOException {
    Arbiter arbiter = streaming(sleeper("alpha", 1));
    int pid = onlyPid(arbiter, "alpha");
    JsonArray corpus = corpusStream();
    JsonObject corpusRecord = corpusMessage(corpus, "stat.alpha.<pid:9>");
    JsonObject corpusAggregate = corpusMessage(corpus, "stat.alpha");

    JsonObject record = awaitData("stat.alpha." + pid, data -> true);
    JsonObject aggregate = awaitData("stat.alpha", data -> true);

    assertThat(record.fieldNames()).containsExactlyElementsOf(corpusRecord.fieldNames());
    assertThat(record.getString("cmdline")).isEqualTo("sleep");
    assertThat(record.getJsonArray("children")).isEmpty();
    assertThat(record.getValue("name")).isNull();
    assertThat(record.getInteger("subtopic")).isEqualTo(pid);
    assertThat(record.getString("username")).isEqualTo(System.getProperty("user.name"));
    assertThat(record.getString("ctime")).matches("\\d+:\\d\\d\\.\\d{1,2}");
    assertThat(record.getDouble("age")).isNotNegative();
    assertThat(aggregate.fieldNames()).containsExactlyElementsOf(corpusAggregate.fieldNames());
  }

  @Test
  void theSocketsGroupCountsThePollsThatFoundAConnectionWaiting(@TempDir Path dir) throws IOException {
    Path ini = Files.writeString(dir.resolve("circus.ini"),
        "[socket:web]\nhost = 127.0.0.1\nport = 0\n\n[watcher:idle]\ncmd = sleep 600\n");
    Arbiter arbiter = streaming(ArbiterVerticle.deploy(vertx, ConfigLoader.load(ini, Map.of()), NativeProcessLauncher::new,
        Map.of()));
    CircusSocket web = arbiter.sockets().get(0);
    String address = "127.0.0.1:" + web.info().getInteger("port");
    assertThat(awaitData("stat.sockets", data -> true).getJsonArray("addresses")).containsExactly(address);

    // Nobody accepts: the connection waits in the socket's queue, and every poll finds it.
    try (Socket client = new Socket("127.0.0.1", web.info().getInteger("port"))) {
      JsonObject reads = awaitData("stat.sockets." + web.fd(), data -> data.getInteger("reads") > 0);

      assertThat(reads.fieldNames()).containsExactly("fd", "subtopic", "reads", "address");
      assertThat(reads.getString("address")).isEqualTo(address);
      assertThat(awaitData("stat.sockets", data -> data.getInteger("reads") > 0).getJsonArray("addresses"))
          .containsExactly(address);
    }
  }

  /** Rounds whose group of circusd's own processes has been published. */
  private int roundsCompleted() {
    return (int) published.stream().filter(m -> m.getString("topic").equals("stat.circus")).count();
  }

  private static JsonArray corpusStream() throws IOException {
    try (InputStream in = StatsStreamTest.class.getResourceAsStream("/corpus/stats.json")) {
      return new JsonArray(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    }
  }

  private static JsonObject corpusMessage(JsonArray corpus, String topic) {
    return corpus.stream().map(JsonObject.class::cast).filter(m -> m.getString("topic").equals(topic)).findFirst()
        .orElseThrow().getJsonObject("payload");
  }

  /** The number of bytes a {@link HumanFormat#bytes} text stands for (to the precision it gives). */
  static long bytes(String human) {
    char unit = human.charAt(human.length() - 1);
    if (unit == 'B') {
      return Long.parseLong(human.substring(0, human.length() - 1));
    }
    int power = "KMGTPEZY".indexOf(unit) + 1;
    return (long) (Double.parseDouble(human.substring(0, human.length() - 1)) * Math.pow(1024, power));
  }
}
