package io.circus.cli.ctl;

import io.circus.client.json.JsonReader;
import io.circus.client.json.JsonWriter;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.ByteArrayInputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.zeromq.SocketType;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;

/**
 * Runs circusctl's usual paths once against a stand-in circusd in this JVM, so that a class-data
 * archive recorded from this run ({@code -XX:ArchiveClassesAtExit}) holds what a real command
 * loads. {@code bin/circusctl} records one after each build: with it, circusctl starts in about
 * two thirds of the time.
 */
public final class ArchiveTraining {

  private static final List<List<String>> COMMANDS = List.of(List.of("list"), List.of("status"),
      List.of("--json", "numwatchers"), List.of("options", "web"), List.of("incr", "web", "--waiting"));

  private ArchiveTraining() {
  }

  public static void main(String[] args) throws InterruptedException {
    try (ZContext context = new ZContext(1)) {
      ZMQ.Socket router = context.createSocket(SocketType.ROUTER);
      router.setLinger(0);
      router.setReceiveTimeOut(10_000);
      String endpoint = "tcp://127.0.0.1:" + router.bindToRandomPort("tcp://127.0.0.1");
      Thread daemon = new Thread(() -> answer(router, COMMANDS.size()), "training-circusd");
      daemon.start();
      PrintStream discard = new PrintStream(OutputStream.nullOutputStream(), false, StandardCharsets.UTF_8);
      Console console = new Console(new ByteArrayInputStream(new byte[0]), discard, discard, Map.of(), false,
          new Interruption());
      for (List<String> command : COMMANDS) {
        List<String> line = new ArrayList<>(List.of("--endpoint", endpoint));
        line.addAll(command);
        Program.run(line, console);
      }
      daemon.join();
    }
  }

  /** Answers {@code count} requests with a reply that has what each training command reads. */
  private static void answer(ZMQ.Socket router, int count) {
    for (int i = 0; i < count; i++) {
      byte[] identity = router.recv();
      if (identity == null) break;
      JsonObject request = JsonReader.parseObject(router.recvStr());
      JsonObject reply = new JsonObject().put("status", "ok").put("time", 1.5)
          .put("watchers", new JsonArray().add("web")).put("statuses", new JsonObject().put("web", "active"))
          .put("options", new JsonObject().put("numprocesses", 1).put("env", new JsonObject()))
          .put("numwatchers", 1).put("numprocesses", 2).put("id", request.getValue("id"));
      router.sendMore(identity);
      router.send(JsonWriter.compact(reply));
    }
    router.close();
  }
}
