package io.circus.commands;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** Every command of Circus 0.19, by name (SPEC.md §3), and {@code annotate} for plugins. */
public final class CommandRegistry {

  private final Map<String, Command> byName = new TreeMap<>();

  private CommandRegistry(List<Command> commands) {
    commands.forEach(c -> byName.put(c.name(), c));
  }

  public static CommandRegistry circus() {
    return new CommandRegistry(List.of(new Add(), new Annotate(), Scale.decr(), new Dstats(), new Get(), new GlobalOptions(),
        Scale.incr(), new Ipython(), new Kill(), new ListCommand(), new Listen(), new Listsockets(), new Numprocesses(),
        new Numwatchers(), new Options(), new Quit(), new Reload(), new Reloadconfig(), new Restart(), new Rm(),
        new SetCommand(), new Signal(), new Start(), new Stats(), new Status(), new Stop(), new Tail()));
  }

  /** A command by name, matched case-insensitively as Circus does. */
  public Optional<Command> find(String name) {
    return Optional.ofNullable(byName.get(name.toLowerCase(Locale.ROOT)));
  }

  public Map<String, Command> all() {
    return java.util.Collections.unmodifiableMap(byName);
  }
}
