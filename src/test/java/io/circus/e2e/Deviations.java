package io.circus.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The deliberate deviations from the corpus, {@code src/test/resources/conformance/deviations.txt}:
 * one line per corpus entry, {@code ENTRY KIND REASON}. KIND says why the reply or events differ
 * from Circus 0.19's: {@code quirk} (a Circus quirk fixed on purpose, as SPEC.md recommends),
 * {@code design} (this project does it another way on purpose, README.md says which), or
 * {@code pending} (a feature not built yet; the line goes once it is), or {@code timing} (differs
 * on purpose in a way that shows or not depending on timing: the only kind not reported when the
 * entry happens to match).
 */
final class Deviations {

  static final String FILE = "conformance/deviations.txt";
  private static final Set<String> KINDS = Set.of("quirk", "design", "pending", "timing");

  record Deviation(String entry, String kind, String reason) {

    boolean mayMatch() {
      return kind.equals("timing");
    }
  }

  private final Map<String, Deviation> byEntry;

  private Deviations(Map<String, Deviation> byEntry) {
    this.byEntry = byEntry;
  }

  /** Reads the list; an entry the corpus does not have, a bad kind or a missing reason is an error. */
  static Deviations load(Corpus corpus) {
    List<String> lines;
    try {
      lines = Files.readAllLines(Corpus.resource(FILE), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Set<String> known = Set.copyOf(corpus.entries().stream().map(Corpus.Entry::id).toList());
    Map<String, Deviation> byEntry = new LinkedHashMap<>();
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i).strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      String[] parts = line.split("\\s+", 3);
      String where = FILE + " line " + (i + 1) + ": ";
      if (parts.length < 3 || !KINDS.contains(parts[1])) {
        throw new IllegalStateException(where + "expected ENTRY KIND REASON with KIND one of " + KINDS + ": " + line);
      }
      if (!known.contains(parts[0])) {
        throw new IllegalStateException(where + "no corpus entry " + parts[0]);
      }
      if (byEntry.put(parts[0], new Deviation(parts[0], parts[1], parts[2])) != null) {
        throw new IllegalStateException(where + parts[0] + " is listed twice");
      }
    }
    return new Deviations(byEntry);
  }

  boolean listed(String entry) {
    return byEntry.containsKey(entry);
  }

  Deviation get(String entry) {
    return byEntry.get(entry);
  }
}
