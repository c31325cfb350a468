package io.circus.config;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A whole configuration as INI sections, the main file and its includes merged: each section once,
 * in the order it first appeared, and in each section each key once with the first value read
 * (the main file is read first). {@code [DEFAULT]} stays a section of its own; {@link
 * #inherited(IniSection)} gives what it adds to another section.
 */
public record IniDocument(String mainFile, List<IniSection> sections, List<String> warnings) {

  public IniDocument {
    sections = List.copyOf(sections);
    warnings = List.copyOf(warnings);
  }

  /** Merges section occurrences given in reading order: the first section and the first value win. */
  public static IniDocument merge(String mainFile, List<IniSection> occurrences, List<String> warnings) {
    Map<String, IniSection> first = new LinkedHashMap<>();
    Map<String, Map<String, IniOption>> options = new LinkedHashMap<>();
    for (IniSection occurrence : occurrences) {
      first.putIfAbsent(occurrence.name(), occurrence);
      Map<String, IniOption> merged = options.computeIfAbsent(occurrence.name(), name -> new LinkedHashMap<>());
      occurrence.options().forEach(o -> merged.putIfAbsent(o.key(), o));
    }
    List<IniSection> sections = new ArrayList<>();
    first.forEach((name, s) -> sections.add(new IniSection(name, s.file(), s.line(), List.copyOf(options.get(name).values()))));
    return new IniDocument(mainFile, sections, warnings);
  }

  public Optional<IniSection> section(String name) {
    return sections.stream().filter(s -> s.name().equals(name)).findFirst();
  }

  /** The {@code [DEFAULT]} options that {@code section} does not set itself. */
  public List<IniOption> inherited(IniSection section) {
    if (section.name().equals(IniSection.DEFAULT)) return List.of();
    return section(IniSection.DEFAULT).map(IniSection::options).orElse(List.of()).stream()
        .filter(o -> section.option(o.key()).isEmpty())
        .toList();
  }
}
