package io.circus.e2e;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The Circus 0.19 transcripts of {@code src/test/resources/corpus} ({@code corpus/README.md} there):
 * the entries of {@code commands/*.json}, {@code envelope.json} and {@code events.json}, each named
 * by its file and index ({@code commands/kill.json[8]}), grouped into the steps of a capture session
 * in {@code seq} order. An entry of events.json repeats the request of a command entry of the same
 * seq; together they are one step.
 */
final class Corpus {

  static final String EVENTS_FILE = "events.json";

  /** One recorded exchange: the request (null for an observation), the reply, the events around it. */
  record Entry(String id, int session, int seq, Object request, Object response, List<JsonObject> events, String notes) {

    boolean fromEventsFile() {
      return id.startsWith(EVENTS_FILE);
    }
  }

  /** The entries of one seq: one request, its reply checked for each entry, its events for events.json's. */
  record Step(int seq, List<Entry> entries) {

    Entry first() {
      return entries.get(0);
    }

    Object request() {
      return first().request();
    }

    String notes() {
      return first().notes();
    }

    /** The events to check: events.json's entry's, else those seen around the command (not checked). */
    List<JsonObject> expectedEvents() {
      return entries.stream().filter(Entry::fromEventsFile).findFirst().orElse(first()).events();
    }
  }

  private final List<Entry> entries;

  private Corpus(List<Entry> entries) {
    this.entries = entries;
  }

  static Corpus load() {
    Path root = resource("corpus");
    List<Entry> all = new ArrayList<>();
    try (Stream<Path> commands = Files.list(root.resolve("commands"))) {
      for (Path file : commands.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
        all.addAll(read(root, file));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    all.addAll(read(root, root.resolve("envelope.json")));
    all.addAll(read(root, root.resolve(EVENTS_FILE)));
    return new Corpus(List.copyOf(all));
  }

  List<Entry> entries() {
    return entries;
  }

  /** The steps of a session, in the order the capture sent them. */
  List<Step> steps(int session) {
    Map<Integer, List<Entry>> bySeq = new TreeMap<>();
    entries.stream().filter(e -> e.session() == session).sorted(Comparator.comparing(Entry::fromEventsFile))
        .forEach(e -> bySeq.computeIfAbsent(e.seq(), seq -> new ArrayList<>()).add(e));
    return bySeq.entrySet().stream().map(e -> new Step(e.getKey(), List.copyOf(e.getValue()))).toList();
  }

  /** A session's configuration file, as the capture ran it. */
  static String config(String name) {
    try {
      return Files.readString(resource("corpus").resolve(name), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Path resource(String name) {
    try {
      return Path.of(Corpus.class.getResource("/" + name).toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  private static List<Entry> read(Path root, Path file) {
    String name = root.relativize(file).toString();
    JsonArray array;
    try {
      array = new JsonArray(Files.readString(file, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    List<Entry> result = new ArrayList<>();
    for (int i = 0; i < array.size(); i++) {
      JsonObject entry = array.getJsonObject(i);
      List<JsonObject> events = new ArrayList<>();
      entry.getJsonArray("events", new JsonArray()).forEach(event -> events.add((JsonObject) event));
      result.add(new Entry(name + "[" + i + "]", entry.getInteger("session"), entry.getInteger("seq"),
          entry.getValue("request"), entry.getValue("response"), List.copyOf(events), entry.getString("notes", "")));
    }
    return result;
  }
}
