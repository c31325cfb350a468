package io.circus.testing;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Compares a reply or event payload with the one the corpus recorded from Circus 0.19, structurally,
 * with its placeholders ({@code corpus/README.md}) matched by kind: {@code <time>} a float close to
 * now, {@code <pid:N>} a pid that stays the same process wherever N appears (and N a different
 * process from every other N), {@code <size>} a human size, and so on. Placeholders that stand for
 * one known value ({@code <id>}, {@code <endpoint>}, {@code <port>}, {@code <rundir>}, ...) must
 * equal the value given for them. Arrays made only of pids compare as sets (Circus lists processes
 * in its dict order, which is no contract).
 */
public final class CorpusMatcher {

  private static final Pattern PLACEHOLDER = Pattern.compile("<(?:id|time|float|size|cputime|user|fd|port|endpoint"
      + "|pubsub_endpoint|stats_endpoint|rundir|python|circus-src|path|site-packages|traceback|pid:[^<>]+"
      + "|environment of circusd, copied \\(copy_env\\))>");
  private static final Pattern SIZE = Pattern.compile("\\d+B|\\d+\\.\\d\\d[KMGTPEZY]");
  private static final Pattern CPUTIME = Pattern.compile("\\d+:\\d\\d\\.\\d+");
  private static final Pattern DECIMAL = Pattern.compile("[1-9]\\d*");
  /** The slack allowed around "now" for a {@code <time>}: generous, the machine may be loaded. */
  private static final double TIME_SLACK_SECONDS = 120;

  private final Map<String, Object> known;
  private final double notBeforeEpochSeconds;

  /**
   * @param known values of the placeholders that stand for one value ({@code "<endpoint>"} to the
   *     endpoint, ...), given per session
   * @param notBeforeEpochSeconds the earliest acceptable {@code <time>} (when the session started)
   */
  public CorpusMatcher(Map<String, Object> known, double notBeforeEpochSeconds) {
    this.known = Map.copyOf(known);
    this.notBeforeEpochSeconds = notBeforeEpochSeconds;
  }

  /** The same matcher with {@code placeholder} standing for {@code value} (the request's id). */
  public CorpusMatcher with(String placeholder, Object value) {
    Map<String, Object> more = new HashMap<>(known);
    more.put(placeholder, value);
    return new CorpusMatcher(more, notBeforeEpochSeconds);
  }

  /** Pid placeholders bound so far: {@code "<pid:9>"} to the pid it turned out to be. Immutable. */
  public record Pids(Map<String, Long> byPlaceholder) {

    public static final Pids NONE = new Pids(Map.of());

    public Pids {
      byPlaceholder = Map.copyOf(byPlaceholder);
    }

    public Optional<Long> get(String placeholder) {
      return Optional.ofNullable(byPlaceholder.get(placeholder));
    }

    /** Binds a placeholder, or empty when that contradicts a binding already made. */
    public Optional<Pids> bind(String placeholder, long pid) {
      Long bound = byPlaceholder.get(placeholder);
      if (bound != null) {
        return bound == pid ? Optional.of(this) : Optional.empty();
      }
      if (byPlaceholder.containsValue(pid)) {
        return Optional.empty();
      }
      Map<String, Long> more = new HashMap<>(byPlaceholder);
      more.put(placeholder, pid);
      return Optional.of(new Pids(more));
    }

    /** These bindings without the placeholders whose processes {@code gone} says have ended. */
    public Pids without(java.util.function.LongPredicate gone) {
      Map<String, Long> kept = new HashMap<>(byPlaceholder);
      kept.values().removeIf(gone::test);
      return new Pids(kept);
    }

    /** {@code text} with every bound pid placeholder replaced by its pid. */
    public String substitute(String text) {
      String result = text;
      for (Map.Entry<String, Long> pid : byPlaceholder.entrySet()) {
        result = result.replace(pid.getKey(), Long.toString(pid.getValue()));
      }
      return result;
    }
  }

  /** The outcome: the pids bound by a match, or where the first difference is. */
  public record Outcome(Pids pids, String difference) {

    public boolean matches() {
      return difference == null;
    }

    static Outcome ok(Pids pids) {
      return new Outcome(pids, null);
    }

    static Outcome differs(Pids pids, String path, String what) {
      return new Outcome(pids, path + ": " + what);
    }
  }

  public Outcome match(Object expected, Object actual, Pids pids) {
    return match("$", expected, actual, pids);
  }

  private Outcome match(String path, Object expected, Object actual, Pids pids) {
    if (expected instanceof String text && isPlaceholder(text)) {
      return placeholder(path, text, actual, pids);
    }
    if (expected == null || actual == null) {
      return expected == actual ? Outcome.ok(pids) : Outcome.differs(pids, path, "expected " + expected + ", got " + actual);
    }
    if (expected instanceof JsonObject object) {
      return actual instanceof JsonObject other ? object(path, object, other, pids)
          : Outcome.differs(pids, path, "expected an object, got " + actual);
    }
    if (expected instanceof JsonArray array) {
      return actual instanceof JsonArray other ? array(path, array, other, pids)
          : Outcome.differs(pids, path, "expected an array, got " + actual);
    }
    if (expected instanceof Number number) {
      return number(path, number, actual, pids);
    }
    if (expected instanceof String text) {
      String wanted = substituteKnown(pids.substitute(text));
      return wanted.equals(actual) ? Outcome.ok(pids)
          : Outcome.differs(pids, path, "expected \"" + wanted + "\", got " + quoted(actual));
    }
    return expected.equals(actual) ? Outcome.ok(pids)
        : Outcome.differs(pids, path, "expected " + expected + ", got " + quoted(actual));
  }

  private static boolean isPlaceholder(String text) {
    return PLACEHOLDER.matcher(text).matches();
  }

  private Outcome placeholder(String path, String placeholder, Object actual, Pids pids) {
    if (placeholder.startsWith("<pid:")) {
      Long pid = pidValue(actual);
      if (pid == null) {
        return Outcome.differs(pids, path, "expected a pid (" + placeholder + "), got " + quoted(actual));
      }
      return pids.bind(placeholder, pid).map(Outcome::ok).orElseGet(() -> Outcome.differs(pids, path,
          placeholder + " is " + pids.get(placeholder).map(String::valueOf).orElse("another placeholder's pid")
              + " elsewhere, got " + pid));
    }
    if (known.containsKey(placeholder)) {
      Object value = known.get(placeholder);
      boolean same = value instanceof Number n && actual instanceof Number a ? n.doubleValue() == a.doubleValue()
          : value.equals(actual);
      return same ? Outcome.ok(pids) : Outcome.differs(pids, path, "expected " + placeholder + " = " + quoted(value)
          + ", got " + quoted(actual));
    }
    Predicate<Object> kind = switch (placeholder) {
      case "<time>" -> v -> v instanceof Number n && closeToNow(n.doubleValue());
      case "<float>" -> v -> v instanceof Number;
      case "<size>" -> v -> v instanceof String s && SIZE.matcher(s).matches();
      case "<cputime>" -> v -> v instanceof String s && CPUTIME.matcher(s).matches();
      case "<fd>" -> v -> v instanceof Integer || v instanceof Long;
      case "<traceback>" -> v -> v == null || v instanceof String;
      case "<environment of circusd, copied (copy_env)>" -> v -> v instanceof JsonObject;
      default -> v -> v instanceof String;
    };
    return kind.test(actual) ? Outcome.ok(pids) : Outcome.differs(pids, path, "expected " + placeholder + ", got "
        + quoted(actual));
  }

  private boolean closeToNow(double epochSeconds) {
    double now = System.currentTimeMillis() / 1000.0;
    return epochSeconds >= notBeforeEpochSeconds - TIME_SLACK_SECONDS && epochSeconds <= now + TIME_SLACK_SECONDS;
  }

  private static Long pidValue(Object actual) {
    if (actual instanceof Integer || actual instanceof Long) {
      long pid = ((Number) actual).longValue();
      return pid > 0 ? pid : null;
    }
    return actual instanceof String s && DECIMAL.matcher(s).matches() ? Long.valueOf(s) : null;
  }

  private static Outcome number(String path, Number expected, Object actual, Pids pids) {
    if (!(actual instanceof Number number)) {
      return Outcome.differs(pids, path, "expected " + expected + ", got " + quoted(actual));
    }
    boolean integral = expected instanceof Integer || expected instanceof Long;
    if (integral && !(number instanceof Integer || number instanceof Long)) {
      return Outcome.differs(pids, path, "expected the integer " + expected + ", got " + number);
    }
    return expected.doubleValue() == number.doubleValue() ? Outcome.ok(pids)
        : Outcome.differs(pids, path, "expected " + expected + ", got " + number);
  }

  private Outcome object(String path, JsonObject expected, JsonObject actual, Pids pids) {
    List<String> unbound = new ArrayList<>();
    List<String> literalKeys = new ArrayList<>();
    Map<String, String> actualKeyOf = new HashMap<>();
    for (String key : expected.fieldNames()) {
      String resolved = key.startsWith("<pid:") ? pids.get(key).map(String::valueOf).orElse(null) : key;
      if (resolved == null) {
        unbound.add(key);
      } else {
        literalKeys.add(resolved);
        actualKeyOf.put(key, resolved);
      }
    }
    for (String key : literalKeys) {
      if (!actual.containsKey(key)) {
        return Outcome.differs(pids, path, "missing key \"" + key + "\"");
      }
    }
    List<String> free = new ArrayList<>(actual.fieldNames());
    free.removeAll(literalKeys);
    if (free.size() != unbound.size()) {
      return Outcome.differs(pids, path, unbound.isEmpty() ? "unexpected keys " + extraKeys(expected, actual, literalKeys)
          : "expected keys " + unbound + ", got " + extraKeys(expected, actual, literalKeys));
    }
    Outcome last = Outcome.ok(pids);
    for (Pids candidate : keyAssignments(unbound, free, pids)) {
      last = values(path, expected, actual, candidate, actualKeyOf);
      if (last.matches()) {
        return last;
      }
    }
    return last;
  }

  private static List<String> extraKeys(JsonObject expected, JsonObject actual, List<String> literalKeys) {
    List<String> extra = new ArrayList<>(actual.fieldNames());
    extra.removeAll(literalKeys);
    return extra;
  }

  private Outcome values(String path, JsonObject expected, JsonObject actual, Pids pids, Map<String, String> literal) {
    Pids current = pids;
    for (String key : expected.fieldNames()) {
      String actualKey = literal.getOrDefault(key, current.get(key).map(String::valueOf).orElse(key));
      Outcome outcome = match(path + "." + key, expected.getValue(key), actual.getValue(actualKey), current);
      if (!outcome.matches()) {
        return outcome;
      }
      current = outcome.pids();
    }
    return Outcome.ok(current);
  }

  /** Every way to bind the unbound pid keys to the remaining actual keys (few: a watcher's processes). */
  private static List<Pids> keyAssignments(List<String> unbound, List<String> free, Pids pids) {
    if (unbound.isEmpty()) {
      return List.of(pids);
    }
    List<Pids> result = new ArrayList<>();
    String placeholder = unbound.get(0);
    for (String key : free) {
      Long pid = pidValue(key);
      if (pid == null) {
        continue;
      }
      List<String> rest = new ArrayList<>(free);
      rest.remove(key);
      pids.bind(placeholder, pid).ifPresent(bound -> result.addAll(keyAssignments(unbound.subList(1, unbound.size()), rest, bound)));
    }
    return result;
  }

  private Outcome array(String path, JsonArray expected, JsonArray actual, Pids pids) {
    if (expected.size() != actual.size()) {
      return Outcome.differs(pids, path, "expected " + expected.size() + " elements, got " + actual.encode());
    }
    boolean allPids = !expected.isEmpty() && expected.stream().allMatch(e -> e instanceof String s && s.startsWith("<pid:"));
    if (allPids) {
      List<Object> elements = new ArrayList<>();
      expected.forEach(elements::add);
      List<Object> candidates = new ArrayList<>();
      actual.forEach(candidates::add);
      return unordered(path, elements, candidates, pids)
          .orElseGet(() -> Outcome.differs(pids, path, "expected the pids " + expected.encode() + ", got " + actual.encode()));
    }
    Pids current = pids;
    for (int i = 0; i < expected.size(); i++) {
      Outcome outcome = match(path + "[" + i + "]", expected.getValue(i), actual.getValue(i), current);
      if (!outcome.matches()) {
        return outcome;
      }
      current = outcome.pids();
    }
    return Outcome.ok(current);
  }

  private Optional<Outcome> unordered(String path, List<Object> expected, List<Object> actual, Pids pids) {
    if (expected.isEmpty()) {
      return Optional.of(Outcome.ok(pids));
    }
    for (Object candidate : actual) {
      Outcome outcome = match(path, expected.get(0), candidate, pids);
      if (outcome.matches()) {
        List<Object> rest = new ArrayList<>(actual);
        rest.remove(candidate);
        Optional<Outcome> done = unordered(path, expected.subList(1, expected.size()), rest, outcome.pids());
        if (done.isPresent()) {
          return done;
        }
      }
    }
    return Optional.empty();
  }

  private String substituteKnown(String text) {
    String result = text;
    for (Map.Entry<String, Object> value : known.entrySet()) {
      result = result.replace(value.getKey(), String.valueOf(value.getValue()));
    }
    return result;
  }

  private static String quoted(Object value) {
    return value instanceof String ? "\"" + value + "\"" : String.valueOf(value);
  }

  /** The placeholders of {@code text} that are pids ({@code <pid:N>}), in order of appearance. */
  public static List<String> pidPlaceholders(String text) {
    List<String> found = new ArrayList<>();
    Matcher matcher = Pattern.compile("<pid:[^<>]+>").matcher(text);
    while (matcher.find()) {
      found.add(matcher.group());
    }
    return found;
  }
}
