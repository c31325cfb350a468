package io.circus.commands;

import io.circus.arbiter.Arbiter;
import io.circus.arbiter.Watcher;
import io.circus.config.ShellPattern;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * The watchers a {@code start}/{@code stop}/{@code restart} name selects (SPEC.md §3.13), by
 * {@code match}: {@code simple} (exact name), {@code glob} (the default: shell wildcards, whole
 * name) or {@code regex} (matched at the start of the name), all case-insensitive.
 */
final class WatcherSelection {

  private WatcherSelection() {
  }

  static List<Watcher> select(Arbiter arbiter, String name, String match) {
    String method = match == null ? "glob" : match;
    String pattern = name.toLowerCase(Locale.ROOT);
    List<Watcher> selected = switch (method) {
      case "simple" -> arbiter.watcher(name).map(List::of).orElse(List.of());
      case "glob" -> matching(arbiter, glob(pattern));
      case "regex" -> matching(arbiter, regex(pattern));
      default -> throw CommandError.invalid("unknown match method " + method);
    };
    if (selected.isEmpty()) {
      throw CommandError.notFound(name);
    }
    return selected;
  }

  private static List<Watcher> matching(Arbiter arbiter, Predicate<String> test) {
    return arbiter.byPriority().stream().filter(w -> test.test(w.name().toLowerCase(Locale.ROOT))).toList();
  }

  private static Predicate<String> glob(String pattern) {
    return ShellPattern.of(pattern)::matches;
  }

  private static Predicate<String> regex(String pattern) {
    try {
      Pattern compiled = Pattern.compile(pattern);
      return name -> compiled.matcher(name).lookingAt();
    } catch (PatternSyntaxException e) {
      throw CommandError.invalid("invalid regular expression " + PythonRepr.string(pattern) + ": " + e.getDescription());
    }
  }
}
