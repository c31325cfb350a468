package io.circus.cli.ctl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.circus.cli.ctl.CorpusTranscripts.Transcript;
import io.circus.client.json.JsonReader;
import io.circus.client.json.JsonWriter;
import io.circus.testing.FakeCircusd;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every case of the circusctl corpus, replayed against a fake circusd that answers with the
 * replies of the capture ({@code circusctl/cases.json}): the request carries exactly the
 * properties circusctl 0.19 sends, and stdout, stderr and the exit status are what it printed.
 * Placeholders ({@code <pid:N>}, {@code <time>}, ...) travel as text in the replies, so the
 * output holds them as the corpus does; a pid typed on the command line is a number, 40000 + N.
 * Where this circusctl fixes a client bug, the case says so and what it prints instead.
 */
class CircusctlCorpusTest {

  private static final Pattern PID = Pattern.compile("<pid:(\\d+)>");

  static Stream<Arguments> cases() throws IOException {
    Map<String, JsonObject> fixtures = new java.util.HashMap<>();
    try (InputStream in = CircusctlCorpusTest.class.getResourceAsStream("/circusctl/cases.json")) {
      for (Object fixture : (JsonArray) JsonReader.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8))) {
        fixtures.put(((JsonObject) fixture).getString("args"), (JsonObject) fixture);
      }
    }
    List<Arguments> cases = new ArrayList<>();
    for (Transcript transcript : CorpusTranscripts.load()) {
      String args = transcript.args().replaceFirst("^--endpoint <(pubsub_)?endpoint> ?", "");
      JsonObject fixture = fixtures.get(args);
      assertThat(fixture).as("fixture for: circusctl %s", transcript.args()).isNotNull();
      cases.add(Arguments.of(transcript.args(), transcript, fixture));
    }
    assertThat(cases).hasSize(fixtures.size());
    return cases.stream();
  }

  @ParameterizedTest(name = "circusctl {0}")
  @MethodSource("cases")
  void printsWhatCircusctlPrints(String commandLine, Transcript expected, JsonObject fixture) throws Exception {
    Queue<JsonObject> exchanges = new ConcurrentLinkedQueue<>();
    fixture.getJsonArray("exchanges").forEach(exchange -> exchanges.add((JsonObject) exchange));
    List<JsonObject> expectedRequests = exchanges.stream().map(e -> e.getJsonObject("request")).toList();
    try (FakeCircusd circusd = FakeCircusd.start(request -> {
      JsonObject exchange = exchanges.poll();
      if (exchange == null || exchange.getJsonObject("reply") == null) return List.of();
      return List.of(FakeCircusd.withId(exchange.getJsonObject("reply"), request.id()));
    })) {
      List<String> args = arguments(expected.args(), circusd);
      CircusctlRunner.Result result = fixture.containsKey("events")
          ? listen(args, circusd, fixture.getJsonArray("events"), expected.stdout())
          : CircusctlRunner.run(fixture.getString("stdin", ""), Map.of(), args);

      assertThat(requestsWithoutIds(circusd)).as("requests").isEqualTo(expectedRequests.stream()
          .map(JsonWriter::compact).toList());
      String ids = circusd.requests().stream().map(FakeCircusd.Request::id).reduce("(?!)", (a, b) -> a + "|" + b);
      JsonObject deviation = fixture.getJsonObject("deviation", new JsonObject());
      assertThat(result.stdout().replaceAll(ids, "<id>"))
          .isEqualTo(deviation.getString("stdout", expected.stdout()));
      String stderr = result.stderr().replace("circusctl: error:", "circusctl.py: error:");
      String expectedStderr = deviation.getString("stderr", expected.stderr());
      if (expectedStderr.contains("[... ")) {
        // The corpus leaves out the time-out hint: only its first line is compared.
        assertThat(stderr).startsWith(expectedStderr.substring(0, expectedStderr.indexOf('[')));
      } else {
        assertThat(stderr).isEqualTo(expectedStderr);
      }
      assertThat(result.status()).isEqualTo(deviation.getInteger("exit", expected.status()));
    }
  }

  private static List<String> arguments(String corpusArgs, FakeCircusd circusd) {
    Matcher pids = PID.matcher(corpusArgs.replace("<pubsub_endpoint>", circusd.pubsubEndpoint())
        .replace("<endpoint>", circusd.endpoint()));
    String line = pids.replaceAll(match -> Integer.toString(40000 + Integer.parseInt(match.group(1))));
    return line.isEmpty() ? List.of() : List.of(line.split(" "));
  }

  private static List<String> requestsWithoutIds(FakeCircusd circusd) {
    return circusd.requests().stream().map(request -> {
      JsonObject json = request.json();
      assertThat(json.getString("id")).matches("[0-9a-f]{32}");
      assertThat(json.fieldNames()).containsExactly("command", "properties", "id");
      json.remove("id");
      return JsonWriter.compact(json);
    }).toList();
  }

  /** Runs listen until it printed what the corpus shows, publishing the events once it subscribed. */
  private static CircusctlRunner.Result listen(List<String> args, FakeCircusd circusd, JsonArray events,
      String expectedStdout) {
    CircusctlRunner.Running listen = CircusctlRunner.start(args);
    await().atMost(Duration.ofSeconds(10)).until(() -> !circusd.subscriptions().isEmpty());
    events.forEach(event -> circusd.publish(((JsonArray) event).getString(0), ((JsonArray) event).getString(1)));
    await().atMost(Duration.ofSeconds(10)).until(() -> listen.stdoutSoFar().equals(expectedStdout));
    listen.pressCtrlC();
    int status = listen.awaitExit();
    return new CircusctlRunner.Result(status, listen.stdoutSoFar(), "");
  }
}
