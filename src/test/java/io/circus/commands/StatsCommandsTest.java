package io.circus.commands;

import static io.circus.commands.CommandHarness.props;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;
import static org.awaitility.Awaitility.await;

import io.circus.config.CommandArgs;
import io.circus.config.WatcherSpec;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** {@code stats} and {@code dstats} with real figures, in the shapes of the Circus 0.19 corpus. */
@ExtendWith(VertxExtension.class)
class StatsCommandsTest {

  private CommandHarness circus;

  @BeforeEach
  void setUp(Vertx vertx) {
    circus = new CommandHarness(vertx,
        shell("busy", "while :; do :; done"),
        // stop_children: the sleep goes with its shell when the test ends.
        WatcherSpec.builder("parent").cmd("sh").args(new CommandArgs.Words(List.of("-c", "sleep 600 & wait"))).stopChildren(true)
            .build(),
        WatcherSpec.builder("alpha").cmd("sleep").args(new CommandArgs.Words(List.of("600"))).build()).started();
  }

  private static WatcherSpec shell(String name, String script) {
    return WatcherSpec.builder(name).cmd("sh").args(new CommandArgs.Words(List.of("-c", script))).build();
  }

  private int pidOf(String watcher) {
    return circus.arbiter.watcher(watcher).orElseThrow().snapshot().pids().get(0);
  }

  private JsonObject info(String watcher) {
    return circus.call("stats", props("name", watcher, "process", pidOf(watcher))).getJsonObject("info");
  }

  @Test
  void theCpuOfABusyLoopIsMeasuredSinceThePreviousCall() {
    assertThat(info("busy").getDouble("cpu")).as("the first sample of a pid").isZero();

    await().atMost(Duration.ofSeconds(30)).until(() -> info("busy").getDouble("cpu") > 50);
  }

  @Test
  void recordsHaveCircusFieldsInCircusOrder() throws IOException {
    JsonObject corpus = corpusResponse("stats", 2).getJsonObject("info");

    JsonObject info = info("alpha");

    assertThat(info.fieldNames()).containsExactlyElementsOf(corpus.fieldNames());
    double spawnedAgo = System.currentTimeMillis() / 1000.0 - info.getDouble("started");
    assertThat(info.getDouble("age")).as("seconds since circus spawned it").isBetween(0.0, spawnedAgo + 1);
    assertThat(info.getDouble("create_time")).isCloseTo(info.getDouble("started"), offset(5.0));
  }

  @Test
  void aRecordListsTheDirectChildrenWithoutCircusFields() {
    int parent = pidOf("parent");
    await().atMost(Duration.ofSeconds(30)).until(() -> !info("parent").getJsonArray("children").isEmpty());

    JsonArray children = info("parent").getJsonArray("children");

    assertThat(children).hasSize(1);
    JsonObject child = children.getJsonObject(0);
    assertThat(child.getString("cmdline")).isEqualTo("sleep");
    assertThat(child.getInteger("pid")).isNotEqualTo(parent);
    assertThat(child.fieldNames()).doesNotContain("wid", "started").contains("age", "children");
  }

  @Test
  void dstatsHasCircusFieldsInCircusOrder() throws IOException {
    JsonObject corpus = corpusResponse("dstats", 0).getJsonObject("info");

    JsonObject info = circus.call("dstats").getJsonObject("info");

    assertThat(info.fieldNames()).containsExactlyElementsOf(corpus.fieldNames());
    assertThat(info.getString("cmdline")).isEqualTo("java");
    assertThat(info.getString("username")).isEqualTo(System.getProperty("user.name"));
  }

  /** The response of entry {@code index} of the corpus file of {@code command}. */
  private static JsonObject corpusResponse(String command, int index) throws IOException {
    try (InputStream in = StatsCommandsTest.class.getResourceAsStream("/corpus/commands/" + command + ".json")) {
      return new JsonArray(new String(in.readAllBytes(), StandardCharsets.UTF_8)).getJsonObject(index).getJsonObject("response");
    }
  }
}
