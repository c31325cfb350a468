package io.circus.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.circus.client.ZmqCircusClient;
import io.circus.testing.OsUser;
import io.circus.testing.PyZmq;
import io.vertx.core.json.JsonObject;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * circusd's ZeroMQ endpoints as users meet them: bin/circusctl over tcp and ipc, a libzmq client
 * (pyzmq, what Circus's own tools use) over ipc, the ipc socket files' owner and mode, and bind failures.
 */
class ControlEndpointsTest {

  private static final Duration EXIT = Duration.ofSeconds(60);

  @TempDir
  Path dir;

  private void config(String circus, String watchers) throws Exception {
    Files.writeString(dir.resolve("circus.ini"), "[circus]\n" + circus + "\n" + watchers);
  }

  @Test
  void ourCircusctlListsShowsStatusIncrementsAndQuitsOverTcp() throws Exception {
    config(CircusdProcess.FREE_ENDPOINTS, "[watcher:web]\ncmd = sleep 3620\n");
    try (CircusdProcess circusd = CircusdProcess.start(dir, "circus.ini")) {
      circusd.awaitChildren("sleep 3620", 1);
      String endpoint = circusd.awaitEndpoints().controller();

      assertThat(circusctl("--endpoint", endpoint, "list")).isEqualTo("web\n");
      assertThat(circusctl("--endpoint", endpoint, "status")).isEqualTo("web: active\n");
      assertThat(circusctl("--endpoint", endpoint, "incr", "web", "--waiting")).isEqualTo("2\n");
      assertThat(circusd.childrenRunning("sleep 3620")).hasSize(2);
      assertThat(circusctl("--endpoint", endpoint, "quit")).isEqualTo("ok\n");

      assertThat(circusd.waitForExit(EXIT)).isZero();
      assertThat(circusd.children()).isEmpty();
    }
  }

  @Test
  void aLibzmqClientGetsRepliesAndEventsOverIpcAndTheQuitReplyBeforeTheDaemonExits() throws Exception {
    PyZmq.assumeAvailable();
    config("endpoint = ipc://circusd.sock\npubsub_endpoint = ipc://circusd-pub.sock\n", "[watcher:web]\ncmd = sleep 3621\n");
    try (CircusdProcess circusd = CircusdProcess.start(dir, "circus.ini")) {
      List<Long> first = circusd.awaitChildren("sleep 3621", 1);
      CircusdProcess.Endpoints endpoints = circusd.awaitEndpoints();
      assertThat(endpoints.controller()).isEqualTo("ipc://" + dir.resolve("circusd.sock"));
      try (PyZmq events = PyZmq.run("subscribe", endpoints.pubsub(), "watcher.web.")) {
        // The subscription travels on its own: repeat a harmless command until an event shows it arrived.
        await("the subscription to reach circusd").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
            .until(() -> {
              call(endpoints.controller(), "{\"command\": \"reload\", \"properties\": {\"name\": \"web\"}}");
              return events.lines().stream().anyMatch(line -> line.startsWith("watcher.web."));
            });

        JsonObject incr = call(endpoints.controller(),
            "{\"command\": \"incr\", \"properties\": {\"name\": \"web\", \"waiting\": true}}");
        assertThat(incr.getString("status")).isEqualTo("ok");
        assertThat(incr.getInteger("numprocesses")).isEqualTo(2);
        long spawned = circusd.awaitChildren("sleep 3621", 2).stream().filter(pid -> !first.contains(pid)).findFirst()
            .orElseThrow();
        events.awaitLine("the spawn event of " + spawned, line -> line.startsWith("watcher.web.spawn\t")
            && new JsonObject(line.substring(line.indexOf('\t') + 1)).getLong("process_pid") == spawned);
      }

      // With waiting, the ok comes once every watcher is stopped, right before the daemon exits.
      assertThat(call(endpoints.controller(), "{\"command\": \"quit\", \"properties\": {\"waiting\": true}}")
          .getString("status")).isEqualTo("ok");
      assertThat(circusd.waitForExit(EXIT)).isZero();
      assertThat(dir.resolve("circusd.sock")).doesNotExist();
      assertThat(dir.resolve("circusd-pub.sock")).doesNotExist();
    }
  }

  @Test
  void ourCircusctlShowsStatusFollowsOutputAndListensOverIpc() throws Exception {
    // Absolute paths: tail -f takes the events endpoint from globaloptions, as configured, and
    // circusctl does not run in circusd's directory.
    config("endpoint = ipc://%s\npubsub_endpoint = ipc://%s\n".formatted(dir.resolve("circusd.sock"),
        dir.resolve("circusd-pub.sock")), """
        [watcher:ticker]
        cmd = sh -c 'i=0; while :; do echo "tick $i"; i=$((i+1)); sleep 0.1; done'
        stdout_stream.class = FileStream
        stdout_stream.filename = %s
        """.formatted(dir.resolve("ticker.log")));
    try (CircusdProcess circusd = CircusdProcess.start(dir, "circus.ini")) {
      CircusdProcess.Endpoints endpoints = circusd.awaitEndpoints();
      String missing = "ipc://" + dir.resolve("nothing.sock");

      assertThat(circusctl("--endpoint", endpoints.controller(), "status")).isEqualTo("ticker: active\n");
      CircusctlProcess.Result refused = CircusctlProcess.run(dir, "--endpoint", missing, "status");
      assertThat(refused.status()).isEqualTo(1);
      assertThat(refused.stderr()).contains("cannot connect to " + missing + ": No such file or directory");

      // tail prints 10 lines of history at most: more are live lines from the events endpoint.
      CircusctlProcess follow = CircusctlProcess.start(dir, "--endpoint", endpoints.controller(), "tail", "-f", "ticker");
      CircusctlProcess listen = CircusctlProcess.start(dir, "--endpoint", endpoints.pubsub(), "listen");
      try (ZmqCircusClient client = ZmqCircusClient.connect(endpoints.controller())) {
        await().atMost(Duration.ofSeconds(60)).until(() -> follow.stdout().lines().filter(l -> l.contains("| tick")).count() > 10);
        // listen's subscription travels on its own: reload until an event shows it arrived.
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).until(() -> {
          client.call("reload", new JsonObject().put("name", "ticker")).join();
          return listen.stdout().contains("b'watcher.ticker.");
        });
      } finally {
        follow.process().destroy();
        follow.process().waitFor();
        listen.process().destroy();
        listen.process().waitFor();
      }
      assertThat(circusctl("--endpoint", endpoints.controller(), "quit")).isEqualTo("ok\n");
      assertThat(circusd.waitForExit(EXIT)).isZero();
    }
  }

  @Test
  void ipcSocketFilesAreForTheDaemonsUserOnly() throws Exception {
    config("endpoint = ipc://circusd.sock\npubsub_endpoint = ipc://circusd-pub.sock\n", "[watcher:web]\ncmd = sleep 3622\n");
    try (CircusdProcess circusd = CircusdProcess.start(dir, "circus.ini")) {
      circusd.awaitEndpoints();

      for (String name : List.of("circusd.sock", "circusd-pub.sock")) {
        assertThat(Files.getPosixFilePermissions(dir.resolve(name))).isEqualTo(PosixFilePermissions.fromString("rw-------"));
        assertThat(Files.getOwner(dir.resolve(name)).getName()).isEqualTo(System.getProperty("user.name"));
      }
      circusd.signal("TERM");
      assertThat(circusd.waitForExit(EXIT)).isZero();
    }
  }

  @Test
  void endpointOwnerOwnsTheIpcSocketsIsTheOnlyOtherUserServedAndAddsNothingAsRoot() throws Exception {
    OsUser.assumeRoot();
    PyZmq.assumeAvailable();
    Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx--x--x"));
    config("endpoint = ipc://circusd.sock\npubsub_endpoint = ipc://circusd-pub.sock\nendpoint_owner = nobody\n",
        "[watcher:web]\ncmd = sleep 3623\n");
    try (CircusdProcess circusd = CircusdProcess.start(dir, "circus.ini")) {
      String controller = circusd.awaitEndpoints().controller();
      for (String name : List.of("circusd.sock", "circusd-pub.sock")) {
        assertThat(Files.getOwner(dir.resolve(name)).getName()).isEqualTo("nobody");
        assertThat(Files.getPosixFilePermissions(dir.resolve(name))).isEqualTo(PosixFilePermissions.fromString("rw-------"));
      }

      try (PyZmq owner = PyZmq.runAs(OsUser.lookup("nobody"), dir, "call", controller, "{\"command\": \"list\"}",
              "{\"command\": \"add\", \"properties\": {\"name\": \"mine\", \"cmd\": \"sleep 3625\"}}");
          PyZmq stranger = PyZmq.python(OsUser.lookup("daemon").setpriv(), List.of("-c",
              "import socket, sys\nsocket.socket(socket.AF_UNIX).connect(sys.argv[1])", dir.resolve("circusd.sock").toString()))) {
        List<String> replies = owner.awaitExit(0);
        assertThat(new JsonObject(replies.get(0)).getJsonArray("watchers")).containsExactly("web");
        // Without uid = nobody, the watcher would run as root: Circus's rule refuses it.
        assertThat(new JsonObject(replies.get(1)).getString("reason")).isEqualTo("uid does not match endpoint_owner");
        assertThat(stranger.awaitExit(1)).anySatisfy(line -> assertThat(line).contains("PermissionError"));
      }
      circusd.signal("TERM");
      assertThat(circusd.waitForExit(EXIT)).isZero();
    }
  }

  @Test
  void aPortInUseMakesCircusdRefuseToStartNamingTheOptionAndTheOsError() throws Exception {
    Path marker = dir.resolve("started");
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      String endpoint = "tcp://127.0.0.1:" + taken.getLocalPort();
      config("endpoint = " + endpoint + "\npubsub_endpoint = tcp://127.0.0.1:0\n", "[watcher:fine]\ncmd = touch " + marker + "\n");
      try (CircusdProcess circusd = CircusdProcess.start(dir, "--pidfile", "circusd.pid", "circus.ini")) {
        assertThat(circusd.waitForExit(EXIT)).isEqualTo(1);
        assertThat(circusd.output()).contains(
            "circusd could not start: " + dir.resolve("circus.ini") + " [circus] endpoint = \"" + endpoint
                + "\": cannot bind: Address already in use");
        assertThat(circusd.output()).doesNotContain("Exception", "\tat ");
      }
    }
    assertThat(marker).doesNotExist();
    assertThat(dir.resolve("circusd.pid")).doesNotExist();
  }

  @Test
  void anIpcEndpointInAMissingDirectoryMakesCircusdRefuseToStart() throws Exception {
    config(CircusdProcess.FREE_ENDPOINTS.replace("pubsub_endpoint = tcp://127.0.0.1:0", "pubsub_endpoint = ipc://missing/pub.sock"),
        "[watcher:fine]\ncmd = sleep 3624\n");
    try (CircusdProcess circusd = CircusdProcess.start(dir, "circus.ini")) {
      assertThat(circusd.waitForExit(EXIT)).isEqualTo(1);
      assertThat(circusd.output()).contains(dir.resolve("circus.ini") + " [circus] pubsub_endpoint = \"ipc://missing/pub.sock\": "
          + "cannot bind: "
          + "No such file or directory: " + dir.resolve("missing") + " is not a directory");
      assertThat(circusd.children()).isEmpty();
    }
  }

  private String circusctl(String... args) throws Exception {
    CircusctlProcess.Result result = CircusctlProcess.run(dir, args);
    assertThat(result.status()).as("circusctl %s: %s", List.of(args), result.stderr()).isZero();
    return result.stdout();
  }

  /** One request through pyzmq as circusctl sends it; the reply. */
  private static JsonObject call(String endpoint, String request) {
    try (PyZmq client = PyZmq.run("call", endpoint, request)) {
      List<String> output = client.awaitExit(0);
      assertThat(output).hasSize(1);
      return new JsonObject(output.get(0));
    }
  }
}
