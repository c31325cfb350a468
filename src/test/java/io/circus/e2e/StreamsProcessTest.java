package io.circus.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Output streams through bin/circusd: a stream class of the user's from a jar on CIRCUS_CLASSPATH,
 * and {@code circusctl tail} with and without {@code -f}, live lines coming over ZMQ.
 */
class StreamsProcessTest {

  private static final Duration WAIT = Duration.ofSeconds(60);
  private static final Pattern TICK = Pattern.compile("(?m)^\\d+ stdout \\| tick (\\d+)$");

  @TempDir
  Path dir;

  private static List<String> lines(Path file) throws IOException {
    return Files.exists(file) ? Files.readAllLines(file) : List.of();
  }

  private static int lastTick(String output) {
    Matcher m = TICK.matcher(output);
    int last = -1;
    while (m.find()) last = Integer.parseInt(m.group(1));
    return last;
  }

  @Test
  void aUsersStreamClassGetsTheOutputAndCircusctlTailShowsThenFollowsIt() throws Exception {
    Path jar = TestJars.of(dir, "marking-stream.jar", "io/circus/e2e/streams", "MarkingStream");
    Path out = dir.resolve("marked.txt");
    String controller = "tcp://127.0.0.1:" + CircusdProcess.freePort();
    Files.writeString(dir.resolve("circus.ini"), """
        [circus]
        endpoint = %s
        pubsub_endpoint = tcp://127.0.0.1:%d

        [watcher:ticker]
        cmd = sh -c 'i=0; while :; do echo "tick $i"; i=$((i+1)); sleep 0.1; done'
        stdout_stream.class = io.circus.e2e.streams.MarkingStream
        stdout_stream.path = %s
        stdout_stream.mark = marked:
        """.formatted(controller, CircusdProcess.freePort(), out));
    try (CircusdProcess circusd = CircusdProcess.start(dir, Map.of("CIRCUS_CLASSPATH", jar.toString()), "circus.ini")) {
      circusd.awaitEndpoints();
      await().atMost(WAIT).until(() -> lines(out).contains("marked:tick 3"));

      CircusctlProcess.Result history = CircusctlProcess.run(dir, "--endpoint", controller, "tail", "-n", "2", "ticker");
      assertThat(history.status()).as(history.stderr()).isZero();
      assertThat(history.stdout().lines().toList()).hasSize(2).allMatch(l -> TICK.matcher(l).matches());

      CircusctlProcess follow = CircusctlProcess.start(dir, "--endpoint", controller, "tail", "-f", "ticker");
      try {
        await().atMost(WAIT).until(() -> lastTick(follow.stdout()) >= 0);
        int first = lastTick(follow.stdout());
        // new lines keep coming after the history, published live
        await().atMost(WAIT).until(() -> lastTick(follow.stdout()) >= first + 5);
        List<Integer> ticks = TICK.matcher(follow.stdout()).results().map(r -> Integer.parseInt(r.group(1))).toList();
        // history then live lines, each line once and none missing between them
        assertThat(ticks).isEqualTo(IntStream.rangeClosed(ticks.get(0), ticks.get(ticks.size() - 1)).boxed().toList());
      } finally {
        follow.process().destroy();
        follow.process().waitFor();
      }
    }
  }

  @Test
  void circusdRefusesAStreamClassItCannotLoad() throws Exception {
    Files.writeString(dir.resolve("circus.ini"), "[circus]\n" + CircusdProcess.FREE_ENDPOINTS + """
        [watcher:w]
        cmd = sleep 3600
        stdout_stream.class = com.example.NoSuchStream
        """);
    try (CircusdProcess circusd = CircusdProcess.start(dir, "circus.ini")) {
      assertThat(circusd.waitForExit(WAIT)).isEqualTo(1);
      assertThat(circusd.output()).contains("stdout_stream.class").contains("com.example.NoSuchStream");
    }
  }
}
