package io.circus.config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Expands an absolute path pattern the way Python's {@code glob.glob} does: each path segment with
 * wildcards is matched against directory entries ({@link ShellPattern}), entries whose name starts
 * with a dot only by a segment that starts with a dot; {@code conf.d/*}{@code /*.ini} crosses two
 * levels. Unlike Python, the result is sorted, so that the order of includes (and so which value
 * wins) does not depend on the file system.
 */
final class GlobExpander {

  private GlobExpander() {
  }

  static List<Path> expand(Path absolutePattern) throws IOException {
    List<Path> candidates = List.of(absolutePattern.getRoot());
    for (Path segment : absolutePattern) {
      candidates = step(candidates, segment.toString());
    }
    return candidates.stream().filter(Files::exists).map(Path::normalize).distinct().sorted().toList();
  }

  private static List<Path> step(List<Path> candidates, String segment) throws IOException {
    List<Path> next = new ArrayList<>();
    if (!ShellPattern.hasWildcard(segment)) {
      candidates.forEach(c -> next.add(c.resolve(segment)));
      return next;
    }
    ShellPattern pattern = ShellPattern.of(segment);
    boolean hiddenToo = segment.startsWith(".");
    for (Path directory : candidates) {
      if (!Files.isDirectory(directory)) continue;
      try (Stream<Path> entries = Files.list(directory)) {
        entries.filter(e -> {
          String name = e.getFileName().toString();
          return (hiddenToo || !name.startsWith(".")) && pattern.matches(name);
        }).forEach(next::add);
      }
    }
    return next;
  }
}
