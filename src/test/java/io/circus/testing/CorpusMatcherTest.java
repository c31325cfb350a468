package io.circus.testing;

import static org.assertj.core.api.Assertions.assertThat;

import io.circus.testing.CorpusMatcher.Outcome;
import io.circus.testing.CorpusMatcher.Pids;
import io.vertx.core.json.JsonObject;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CorpusMatcherTest {

  private final double now = System.currentTimeMillis() / 1000.0;
  private final CorpusMatcher matcher = new CorpusMatcher(Map.of("<endpoint>", "tcp://127.0.0.1:4242", "<port>", 4243),
      now - 1).with("<id>", "abc");

  private Outcome match(String expected, String actual, Pids pids) {
    return matcher.match(new JsonObject(expected), new JsonObject(actual), pids);
  }

  @Test
  void literalsMustBeEqualAndKeysTheSame() {
    assertThat(match("{\"status\": \"ok\", \"n\": 4}", "{\"status\": \"ok\", \"n\": 4}", Pids.NONE).matches()).isTrue();
    assertThat(match("{\"status\": \"ok\", \"n\": 4}", "{\"status\": \"ok\", \"n\": 3}", Pids.NONE).difference())
        .isEqualTo("$.n: expected 4, got 3");
    assertThat(match("{\"status\": \"ok\"}", "{\"status\": \"ok\", \"n\": 3}", Pids.NONE).difference())
        .isEqualTo("$: unexpected keys [n]");
    assertThat(match("{\"status\": \"ok\", \"n\": 3}", "{\"status\": \"ok\"}", Pids.NONE).difference())
        .isEqualTo("$: missing key \"n\"");
  }

  @Test
  void anIntegerIsNotAFloatButAFloatAcceptsAnIntegerOfTheSameValue() {
    assertThat(match("{\"n\": 4}", "{\"n\": 4.5}", Pids.NONE).matches()).isFalse();
    assertThat(match("{\"n\": 5.0}", "{\"n\": 5}", Pids.NONE).matches()).isTrue();
  }

  @Test
  void placeholdersMatchTheirKind() {
    String expected = "{\"time\": \"<time>\", \"id\": \"<id>\", \"mem\": \"<size>\", \"ctime\": \"<cputime>\", "
        + "\"e\": \"<endpoint>\", \"port\": \"<port>\"}";
    assertThat(match(expected, "{\"time\": " + now + ", \"id\": \"abc\", \"mem\": \"1.39M\", \"ctime\": \"0:00.20\", "
        + "\"e\": \"tcp://127.0.0.1:4242\", \"port\": 4243}", Pids.NONE).matches()).isTrue();
    assertThat(match("{\"time\": \"<time>\"}", "{\"time\": " + (now - 3600) + "}", Pids.NONE).matches()).isFalse();
    assertThat(match("{\"id\": \"<id>\"}", "{\"id\": \"abd\"}", Pids.NONE).matches()).isFalse();
    assertThat(match("{\"mem\": \"<size>\"}", "{\"mem\": 1024}", Pids.NONE).matches()).isFalse();
  }

  @Test
  void aPidPlaceholderIsTheSameProcessWhereverItAppearsAndOthersAreOtherProcesses() {
    Outcome first = match("{\"pids\": [\"<pid:9>\", \"<pid:10>\"]}", "{\"pids\": [12, 11]}", Pids.NONE);
    assertThat(first.matches()).isTrue();
    assertThat(match("{\"process\": \"<pid:9>\", \"info\": {\"<pid:10>\": {\"pid\": \"<pid:10>\"}}}",
        "{\"process\": \"12\", \"info\": {\"11\": {\"pid\": 11}}}", first.pids()).matches()).isTrue();
    assertThat(match("{\"process\": \"<pid:9>\"}", "{\"process\": 11}", first.pids()).difference())
        .isEqualTo("$.process: <pid:9> is 12 elsewhere, got 11");
    assertThat(match("{\"process\": \"<pid:11>\"}", "{\"process\": 11}", first.pids()).matches()).isFalse();
  }

  @Test
  void pidKeysOfAnObjectAreBoundToTheKeysWhoseValuesMatch() {
    Pids known = match("{\"p\": \"<pid:1>\"}", "{\"p\": 7}", Pids.NONE).pids();
    Outcome outcome = match("{\"<pid:2>\": {\"wid\": 2}, \"<pid:1>\": {\"wid\": 1}}",
        "{\"8\": {\"wid\": 2}, \"7\": {\"wid\": 1}}", known);
    assertThat(outcome.matches()).isTrue();
    assertThat(outcome.pids().get("<pid:2>")).contains(8L);
  }

  @Test
  void placeholdersInsideATextAreReplacedByTheirValues() {
    Pids pids = match("{\"p\": \"<pid:144>\"}", "{\"p\": 77}", Pids.NONE).pids();
    assertThat(match("{\"reason\": \"command b'{\\\"id\\\": \\\"<id>\\\", \\\"pid\\\": <pid:144>}': bad\"}",
        "{\"reason\": \"command b'{\\\"id\\\": \\\"abc\\\", \\\"pid\\\": 77}': bad\"}", pids).matches()).isTrue();
  }
}
