package io.circus.e2e;

import static org.awaitility.Awaitility.await;

import io.circus.testing.CorpusMatcher;
import io.circus.testing.CorpusMatcher.Pids;
import io.circus.testing.JeromqClients;
import io.circus.testing.ProcFs;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.awaitility.core.ConditionTimeoutException;
import org.zeromq.ZMQ;

/**
 * Replays the steps of one corpus session against a running circusd, as the capture driver did:
 * each request over a real DEALER (or REQ) socket, each reply compared with the recorded one, the
 * events of the step awaited on a SUB socket before the next request (the capture waited for them
 * too, so the next request meets the state the corpus implies). Collects one verdict per corpus
 * entry: matched, or the first difference.
 */
final class CorpusReplay implements AutoCloseable {

  /** How long a request may take to be answered (a waiting stop may take a graceful_timeout). */
  private static final Duration REPLY = Duration.ofSeconds(60);
  /** How long to listen for a reply that the corpus says never comes (the capture waited 3 s). */
  private static final Duration NO_REPLY = Duration.ofSeconds(3);
  /** How long to wait for the events that events.json says follow a request. */
  private static final Duration CHECKED_EVENTS = Duration.ofSeconds(30);
  /** How long to wait for events a command entry saw (not checked, or listed as deviating). */
  private static final Duration OTHER_EVENTS = Duration.ofSeconds(12);
  /**
   * Events of a watcher this daemon does not have: Circus runs its stats streamer as the watcher
   * circusd-stats, here it is part of circusd (deviations.txt lists each entry). Not waited for,
   * still compared.
   */
  private static final String ABSENT_WATCHER_EVENTS = "watcher.circusd-stats.";
  /** Above Linux's largest possible pid_max (2^22): a pid no process can have. */
  private static final long PID_MAX_LIMIT = 1L << 22;

  /** What a step needs besides its request: an edit of the config, a setup request, ... */
  interface Script {

    /** Nothing besides the requests. */
    Script NONE = new Script() {
    };

    /** Something to do before one step. */
    @FunctionalInterface
    interface Action {
      void run(CorpusReplay replay) throws Exception;
    }

    static Script before(int seq, Action action) {
      return new Script() {
        @Override
        public void before(Corpus.Step step, CorpusReplay replay) throws Exception {
          if (step.seq() == seq) {
            action.run(replay);
          }
        }
      };
    }

    /** Runs before the step's request is sent. */
    default void before(Corpus.Step step, CorpusReplay replay) throws Exception {
    }

    /**
     * Runs after the step's reply: where this project deviates on purpose and the state differs
     * from then on, brings it back to the corpus's so that the following entries compare.
     */
    default void after(Corpus.Step step, CorpusReplay replay) throws Exception {
    }

    /** True when the step is sent while the previous one is still under way (its events not awaited). */
    default boolean concurrent(Corpus.Step step) {
      return false;
    }
  }

  record Verdict(Corpus.Entry entry, String difference) {

    boolean matches() {
      return difference == null;
    }
  }

  private record PendingEvents(Corpus.Step step, int mark, Duration within) {
  }

  private final CircusdProcess circusd;
  private final JeromqClients clients = new JeromqClients();
  private final String controller;
  private final EventCollector events;
  private final ZMQ.Socket dealer;
  private final Deviations deviations;
  private CorpusMatcher matcher;
  private Pids pids;
  private final List<PendingEvents> pending = new ArrayList<>();
  private final Map<String, String> verdicts = new LinkedHashMap<>();
  private int unrelatedPids;

  CorpusReplay(CircusdProcess circusd, Map<String, Object> known, Deviations deviations, int session) {
    this.circusd = circusd;
    this.deviations = deviations;
    CircusdProcess.Endpoints endpoints = circusd.awaitEndpoints();
    this.controller = endpoints.controller();
    Map<String, Object> all = new LinkedHashMap<>(known);
    all.put("<endpoint>", endpoints.controller());
    all.put("<pubsub_endpoint>", endpoints.pubsub());
    all.put("<user>", System.getProperty("user.name"));
    this.matcher = new CorpusMatcher(all, System.currentTimeMillis() / 1000.0);
    this.pids = Pids.NONE.bind("<pid:circusd#" + session + ">", circusd.pid()).orElseThrow();
    this.events = new EventCollector(clients.sub(endpoints.pubsub(), ""));
    this.dealer = clients.dealer(controller);
  }

  /** Replays the steps and returns one verdict per entry, in step order. */
  List<Verdict> replay(List<Corpus.Step> steps, Script script) throws Exception {
    List<Verdict> result = new ArrayList<>();
    for (Corpus.Step step : steps) {
      if (!script.concurrent(step)) {
        awaitPendingEvents();
      }
      int mark = step.request() == null ? 0 : events.mark();
      script.before(step, this);
      Object reply = send(step);
      for (Corpus.Entry entry : step.entries()) {
        verdicts.put(entry.id(), entry.request() == null && entry.response() == null ? null : compare(entry, reply));
      }
      script.after(step, this);
      if (!step.expectedEvents().isEmpty()) {
        boolean checked = step.entries().stream().anyMatch(e -> e.fromEventsFile() && !deviations.listed(e.id()));
        pending.add(new PendingEvents(step, mark, checked ? CHECKED_EVENTS : OTHER_EVENTS));
      }
    }
    awaitPendingEvents();
    for (Corpus.Step step : steps) {
      step.entries().forEach(entry -> result.add(new Verdict(entry, verdicts.get(entry.id()))));
    }
    return result;
  }

  private void awaitPendingEvents() {
    for (PendingEvents waiting : pending) {
      Corpus.Step step = waiting.step();
      List<JsonObject> awaited = step.expectedEvents().stream()
          .filter(event -> !event.getString("topic", "").startsWith(ABSENT_WATCHER_EVENTS)).toList();
      EventCollector.Match[] last = new EventCollector.Match[1];
      Supplier<Boolean> complete = () -> {
        last[0] = events.match(awaited, waiting.mark(), matcher, pids);
        return last[0].complete();
      };
      try {
        await().atMost(waiting.within()).pollInterval(Duration.ofMillis(100)).until(complete::get);
      } catch (ConditionTimeoutException late) {
        // what matched still binds pids; the difference is reported on events.json's entry (and shown)
        System.out.printf("seq %d: events not all seen within %s: %s%n", step.seq(), waiting.within(),
            missing(last[0], waiting.mark()));
      }
      pids = last[0].pids();
      boolean absentOnes = awaited.size() < step.expectedEvents().size();
      if (!last[0].complete() || absentOnes) {
        String difference = "events: " + (last[0].complete()
            ? "none of " + ABSENT_WATCHER_EVENTS + "*" : missing(last[0], waiting.mark()));
        step.entries().stream().filter(Corpus.Entry::fromEventsFile)
            .forEach(entry -> verdicts.merge(entry.id(), difference, (reply, ev) -> reply + "; " + ev));
      }
    }
    pending.clear();
  }

  private String missing(EventCollector.Match match, int mark) {
    return "missing " + match.missing().encode() + " (closest: " + match.why() + "); received " + events.since(mark);
  }

  /** Sends the step's request; the reply, or null when none came (or the step sends nothing). */
  private Object send(Corpus.Step step) throws Exception {
    Object request = step.request();
    if (!(request instanceof JsonObject json)) {
      return observe(step);
    }
    if (json.containsKey("external")) {
      String[] command = substitute(json.getString("external")).split(" ");
      new ProcessBuilder(command).inheritIO().start().waitFor();
      return null;
    }
    if (json.containsKey("messages_sent_in_order_on_one_connection")) {
      return StallProbe.run(clients, controller, json.getJsonArray("messages_sent_in_order_on_one_connection"));
    }
    String id = UUID.randomUUID().toString().replace("-", "");
    matcher = matcher.with("<id>", id);
    // No reply is awaited briefly only where none is due here too (a listed deviation answers).
    boolean answered = step.first().response() != null || deviations.listed(step.first().id());
    Duration within = answered ? REPLY : NO_REPLY;
    if (json.containsKey("raw_frames")) {
      return raw(json, id, within);
    }
    // The placeholder hides whether the capture sent a pid as a number or a string: the notes say.
    JsonObject sent = (JsonObject) substituteValues(json, id, step.notes().contains("as string")
        || step.notes().contains("as a string"));
    dealer.send(PythonJson.encode(sent));
    return awaitReply(dealer, sent.getValue("id"), within);
  }

  private Object raw(JsonObject request, String id, Duration within) {
    ZMQ.Socket socket = "REQ".equals(request.getString("socket")) ? clients.req(controller) : clients.dealer(controller);
    try {
      JsonArray frames = request.getJsonArray("raw_frames");
      for (int i = 0; i < frames.size(); i++) {
        byte[] bytes = frames.getString(i).replace("<id>", id).getBytes(StandardCharsets.ISO_8859_1);
        socket.send(bytes, i < frames.size() - 1 ? ZMQ.SNDMORE : 0);
      }
      return awaitReply(socket, null, within);
    } finally {
      clients.close(socket);
    }
  }

  /** The first reply with this id (any reply when id is null) within the time, or null. */
  private static Object awaitReply(ZMQ.Socket socket, Object id, Duration within) {
    long deadline = System.nanoTime() + within.toNanos();
    while (System.nanoTime() < deadline) {
      socket.setReceiveTimeOut((int) Math.max(1, (deadline - System.nanoTime()) / 1_000_000));
      byte[] frame = socket.recv();
      if (frame == null) {
        return null;
      }
      String text = new String(frame, StandardCharsets.UTF_8);
      JsonObject reply = new JsonObject(text);
      if (id == null || id.equals(reply.getValue("id"))) {
        return reply;
      }
    }
    return null;
  }

  /** A driver observation: which recorded pids still run, or whether circusd exited. */
  private Object observe(Corpus.Step step) throws Exception {
    if (!(step.first().response() instanceof JsonObject recorded)) {
      return null;
    }
    if (recorded.containsKey("still_running_pids")) {
      JsonArray alive = new JsonArray();
      for (Object placeholder : recorded.getJsonArray("still_running_pids")) {
        long pid = pids.get((String) placeholder).orElseThrow();
        if (CircusdProcess.alive(pid)) {
          alive.add(pid);
        }
        CircusdProcess.signal(pid, "KILL"); // as the capture driver did, so nothing is left behind
      }
      return new JsonObject().put("still_running_pids", alive);
    }
    if (recorded.containsKey("circusd_exited")) {
      int status = circusd.waitForExit(REPLY);
      return new JsonObject().put("circusd_exited", true).put("exit_status", status);
    }
    throw new IllegalStateException("unknown observation in " + step.first().id() + ": " + recorded.encode());
  }

  private String compare(Corpus.Entry entry, Object reply) {
    CorpusMatcher.Outcome outcome = matcher.match(entry.response(), reply, pids);
    String shown = "reply " + (reply == null ? "none" : ((JsonObject) reply).encode()) + ": ";
    if (!outcome.matches()) {
      return shown + outcome.difference();
    }
    for (Map.Entry<String, Long> bound : outcome.pids().byPlaceholder().entrySet()) {
      if (pids.get(bound.getKey()).isEmpty() && !startedByCircusd(bound.getValue())) {
        return shown + bound.getKey() + " = " + bound.getValue() + " is no process circusd started";
      }
    }
    pids = outcome.pids();
    return null;
  }

  /** A pid a reply names for the first time: one of circusd's children, or one it published a spawn of. */
  private boolean startedByCircusd(long pid) {
    return events.spawned(pid) || ProcFs.childrenOf(circusd.pid()).containsKey(pid);
  }

  /** The request with its {@code <id>} and {@code <pid:N>} placeholders filled in. */
  private Object substituteValues(Object value, String id, boolean pidsAsText) {
    if (value instanceof JsonObject object) {
      JsonObject copy = new JsonObject();
      object.forEach(e -> copy.put(e.getKey(), substituteValues(e.getValue(), id, pidsAsText)));
      return copy;
    }
    if (value instanceof JsonArray array) {
      JsonArray copy = new JsonArray();
      array.forEach(v -> copy.add(substituteValues(v, id, pidsAsText)));
      return copy;
    }
    if ("<id>".equals(value)) {
      return id;
    }
    if (value instanceof String text && text.startsWith("<pid:")) {
      long pid = pid(text);
      return pidsAsText ? Long.toString(pid) : pid;
    }
    return value;
  }

  private String substitute(String text) {
    String result = text;
    for (String placeholder : CorpusMatcher.pidPlaceholders(text)) {
      result = result.replace(placeholder, Long.toString(pid(placeholder)));
    }
    return result;
  }

  /**
   * The pid a request's {@code <pid:N>} stands for: the process it was bound to, or for an N the
   * corpus never showed (a pid "not in the watcher") a pid no process has.
   */
  private long pid(String placeholder) {
    return pids.get(placeholder).orElseGet(() -> {
      long unused = unusedPid();
      pids = pids.bind(placeholder, unused).orElseThrow();
      return unused;
    });
  }

  private long unusedPid() {
    return PID_MAX_LIMIT + unrelatedPids++;
  }

  /**
   * Sends a request outside the corpus (a session's setup, or undoing a deliberate deviation) and
   * returns the reply. A process it ended no longer binds its placeholder: the corpus's process of
   * that name is the one that takes its place.
   */
  JsonObject call(JsonObject request) {
    java.util.Set<Long> running = pids.byPlaceholder().values().stream().filter(CircusdProcess::alive)
        .collect(java.util.stream.Collectors.toSet());
    String id = UUID.randomUUID().toString().replace("-", "");
    dealer.send(request.copy().put("id", id).encode());
    Object reply = awaitReply(dealer, id, REPLY);
    if (reply == null) {
      throw new AssertionError("no reply to " + request.encode());
    }
    pids = pids.without(pid -> running.contains(pid) && !CircusdProcess.alive(pid));
    return (JsonObject) reply;
  }

  EventCollector events() {
    return events;
  }

  @Override
  public void close() throws Exception {
    events.close();
    clients.close();
  }
}
