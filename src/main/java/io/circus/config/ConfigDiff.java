package io.circus.config;

import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import java.util.function.BiPredicate;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * What {@code reloadconfig} must do to go from one configuration to the next. Watchers, sockets and
 * plugins are identified by name; {@code source} is never compared. A watcher whose spec differs
 * only in {@code numprocesses} is listed in {@code watchersResized} (only its count changes), one
 * that differs in anything else in {@code watchersChanged} (it is re-created). Arbiter changes
 * are named by their {@code [circus]} option keys. Every list is sorted.
 */
public record ConfigDiff(
    List<String> arbiterOptionsChanged,
    List<String> watchersAdded,
    List<String> watchersRemoved,
    List<String> watchersChanged,
    List<String> watchersResized,
    List<String> socketsAdded,
    List<String> socketsRemoved,
    List<String> socketsChanged,
    List<String> pluginsAdded,
    List<String> pluginsRemoved,
    List<String> pluginsChanged) {

  public ConfigDiff {
    arbiterOptionsChanged = List.copyOf(arbiterOptionsChanged);
    watchersAdded = List.copyOf(watchersAdded);
    watchersRemoved = List.copyOf(watchersRemoved);
    watchersChanged = List.copyOf(watchersChanged);
    watchersResized = List.copyOf(watchersResized);
    socketsAdded = List.copyOf(socketsAdded);
    socketsRemoved = List.copyOf(socketsRemoved);
    socketsChanged = List.copyOf(socketsChanged);
    pluginsAdded = List.copyOf(pluginsAdded);
    pluginsRemoved = List.copyOf(pluginsRemoved);
    pluginsChanged = List.copyOf(pluginsChanged);
  }

  public static ConfigDiff between(CircusConfig old, CircusConfig neu) {
    Changes<WatcherSpec> watchers = Changes.of(old.watchers(), neu.watchers(), WatcherSpec::name,
        (a, b) -> comparable(a, b.numprocesses()).equals(comparable(b, b.numprocesses())));
    List<String> resized = watchers.kept.stream().filter(name -> !watchers.changed.contains(name))
        .filter(name -> numprocesses(old, name) != numprocesses(neu, name)).toList();
    Changes<SocketSpec> sockets = Changes.of(old.sockets(), neu.sockets(), SocketSpec::name,
        (a, b) -> a.withSource(null).equals(b.withSource(null)));
    Changes<PluginSpec> plugins = Changes.of(old.plugins(), neu.plugins(), PluginSpec::name,
        (a, b) -> a.withSource(null).equals(b.withSource(null)));
    return new ConfigDiff(arbiterChanges(old.arbiter(), neu.arbiter()),
        watchers.added, watchers.removed, watchers.changed, resized,
        sockets.added, sockets.removed, sockets.changed,
        plugins.added, plugins.removed, plugins.changed);
  }

  /** True when nothing is to be done. */
  public boolean isEmpty() {
    return Stream.of(arbiterOptionsChanged, watchersAdded, watchersRemoved, watchersChanged,
        watchersResized, socketsAdded, socketsRemoved, socketsChanged, pluginsAdded, pluginsRemoved, pluginsChanged)
        .allMatch(List::isEmpty);
  }

  /** {@code spec} without its source and with the given count (capped at 1 for a singleton, as WatcherSpec requires). */
  private static WatcherSpec comparable(WatcherSpec spec, int numprocesses) {
    return spec.toBuilder().source(null).numprocesses(spec.singleton() ? Math.min(numprocesses, 1) : numprocesses).build();
  }

  private static int numprocesses(CircusConfig config, String watcher) {
    return config.watchers().stream().filter(w -> w.name().equals(watcher)).findFirst().orElseThrow().numprocesses();
  }

  /** The {@code [circus]} keys whose values differ, from the record components' names. */
  private static List<String> arbiterChanges(ArbiterSpec old, ArbiterSpec neu) {
    List<String> keys = new ArrayList<>();
    for (RecordComponent component : ArbiterSpec.class.getRecordComponents()) {
      try {
        Object a = component.getAccessor().invoke(old);
        Object b = component.getAccessor().invoke(neu);
        if (!Objects.equals(a, b)) keys.add(snakeCase(component.getName()));
      } catch (ReflectiveOperationException e) {
        throw new IllegalStateException("cannot read ArbiterSpec." + component.getName(), e);
      }
    }
    return keys.stream().sorted().toList();
  }

  private static String snakeCase(String camelCase) {
    return camelCase.replaceAll("([A-Z])", "_$1").toLowerCase(Locale.ROOT);
  }

  private record Changes<T>(List<String> added, List<String> removed, List<String> changed, List<String> kept) {
    static <T> Changes<T> of(List<T> old, List<T> neu, Function<T, String> name, BiPredicate<T, T> same) {
      Map<String, T> before = old.stream().collect(Collectors.toMap(name, t -> t));
      Map<String, T> after = neu.stream().collect(Collectors.toMap(name, t -> t));
      TreeSet<String> added = new TreeSet<>(after.keySet());
      added.removeAll(before.keySet());
      TreeSet<String> removed = new TreeSet<>(before.keySet());
      removed.removeAll(after.keySet());
      TreeSet<String> kept = new TreeSet<>(before.keySet());
      kept.retainAll(after.keySet());
      List<String> changed = kept.stream().filter(n -> !same.test(before.get(n), after.get(n))).toList();
      return new Changes<>(List.copyOf(added), List.copyOf(removed), changed, List.copyOf(kept));
    }
  }
}
