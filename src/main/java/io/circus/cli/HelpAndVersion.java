package io.circus.cli;

import picocli.CommandLine.Option;

/** The {@code -h/--help} and {@code --version} options every command-line tool of circus has. */
final class HelpAndVersion {

  @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
  boolean help;

  @Option(names = "--version", versionHelp = true, description = "Show the version and exit.")
  boolean version;
}
