package io.circus.config;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Reads a main configuration file and the files it includes into one {@link IniDocument}, with
 * blocking file I/O. {@code [circus] include} (space-separated globs) and {@code include_dir}
 * (space-separated directories, each contributing its {@code *.ini}) are relative to the directory
 * of the file that names them. Unlike Circus, included files may include further files; they are
 * read depth first right after the file that names them, so a value in the main file wins over
 * any included one. A file reached twice is read once; a cycle is an error. A pattern or
 * directory that matches nothing is a warning; a named file that does not exist is an error.
 */
public final class IncludeResolver {

  static final String INCLUDE = "include";
  static final String INCLUDE_DIR = "include_dir";
  private static final String CIRCUS = "circus";

  private IncludeResolver() {
  }

  /**
   * @param mainContent the bytes of {@code mainFile}, already read by the caller
   * @param daemonEnv circusd's environment, for {@code $(circus.env.X)} in include values
   * @throws ConfigException with every problem found in every file
   */
  public static IniDocument resolve(Path mainFile, byte[] mainContent, Map<String, String> daemonEnv) {
    Path main = mainFile.toAbsolutePath().normalize();
    Run run = new Run(daemonEnv);
    run.load(main, mainContent, null);
    if (!run.errors.isEmpty()) throw new ConfigException(run.errors);
    return IniDocument.merge(main.toString(), run.occurrences, run.warnings);
  }

  private static final class Run {
    private final Map<String, String> envPlaceholders;
    private final List<IniSection> occurrences = new ArrayList<>();
    private final List<ConfigError> errors = new ArrayList<>();
    private final List<String> warnings = new ArrayList<>();
    private final Set<Path> loaded = new HashSet<>();
    private final Deque<Path> chain = new ArrayDeque<>();

    Run(Map<String, String> daemonEnv) {
      this.envPlaceholders = ConfigEnvironment.placeholders(daemonEnv);
    }

    /** {@code via} is the include option that led here (null for the main file). */
    void load(Path file, byte[] content, IniOption via) {
      Path identity = realPath(file);
      if (chain.contains(identity)) {
        errors.add(includeError(via, file.toString(), "an include cycle: " + cycle(identity)));
        return;
      }
      if (!loaded.add(identity)) return;
      List<IniSection> sections;
      try {
        sections = IniParser.parse(ConfigFiles.decode(content), file.toString());
      } catch (ConfigException e) {
        errors.addAll(e.errors());
        return;
      } catch (CharacterCodingException e) {
        errors.add(new ConfigError(file.toString(), null, null, null, "is not valid UTF-8 text"));
        return;
      }
      occurrences.addAll(sections);
      chain.push(identity);
      Path directory = file.getParent();
      firstCircusOption(sections, INCLUDE).ifPresent(o -> words(o).forEach(p -> includeFiles(directory, p, o)));
      firstCircusOption(sections, INCLUDE_DIR).ifPresent(o -> words(o).forEach(d -> includeDirectory(directory, d, o)));
      chain.pop();
    }

    private void includeFiles(Path directory, String pattern, IniOption via) {
      Path path = directory.resolve(pattern);
      if (!ShellPattern.hasWildcard(pattern)) {
        if (Files.exists(path)) read(path, via);
        else errors.add(includeError(via, pattern, "the included file '" + path + "' does not exist"));
        return;
      }
      List<Path> matches = expand(path, via, pattern);
      if (matches.isEmpty()) warnings.add(where(via) + ": include pattern '" + path + "' matches no file");
      matches.forEach(m -> read(m, via));
    }

    private void includeDirectory(Path directory, String name, IniOption via) {
      Path dir = directory.resolve(name);
      List<Path> matches = expand(dir.resolve("*.ini"), via, name);
      if (matches.isEmpty()) warnings.add(where(via) + ": include_dir '" + dir + "' holds no *.ini file");
      matches.forEach(m -> read(m, via));
    }

    private List<Path> expand(Path pattern, IniOption via, String written) {
      try {
        return GlobExpander.expand(pattern);
      } catch (IOException e) {
        errors.add(includeError(via, written, "cannot list the files of '" + pattern + "': " + ConfigFiles.describe(e)));
        return List.of();
      }
    }

    private void read(Path file, IniOption via) {
      if (Files.isDirectory(file)) {
        errors.add(includeError(via, file.toString(), "'" + file + "' is a directory, not a configuration file"));
        return;
      }
      try {
        load(file, Files.readAllBytes(file), via);
      } catch (IOException e) {
        errors.add(includeError(via, file.toString(), "cannot read '" + file + "': " + ConfigFiles.describe(e)));
      }
    }

    private List<String> words(IniOption option) {
      String value = Placeholders.replace(option.value(), envPlaceholders).strip();
      return value.isEmpty() ? List.of() : List.of(value.split("\\s+"));
    }

    private String cycle(Path repeated) {
      List<Path> path = new ArrayList<>(chain);
      Collections.reverse(path);
      return path.subList(path.indexOf(repeated), path.size()).stream().map(Path::toString)
          .collect(Collectors.joining(" includes ", "", " includes " + repeated));
    }

    private static Optional<IniOption> firstCircusOption(List<IniSection> sections, String key) {
      return sections.stream().filter(s -> s.name().equals(CIRCUS))
          .flatMap(s -> s.option(key).stream()).findFirst();
    }

    private static Path realPath(Path file) {
      try {
        return file.toRealPath();
      } catch (IOException e) {
        return file;
      }
    }

    private static ConfigError includeError(IniOption via, String value, String expected) {
      return new ConfigError(via.file(), CIRCUS, via.key(), value, expected + " (line " + via.line() + ")");
    }

    private static String where(IniOption via) {
      return via.file() + ":" + via.line() + " [circus] " + via.key();
    }
  }
}
