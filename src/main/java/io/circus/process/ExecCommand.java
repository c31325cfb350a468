package io.circus.process;

import java.util.List;

/** What posix_spawn executes: the file, and the argument vector it gets (argv[0] included). */
record ExecCommand(String path, List<String> argv) {

  ExecCommand {
    argv = List.copyOf(argv);
  }
}
