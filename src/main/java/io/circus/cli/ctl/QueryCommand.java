package io.circus.cli.ctl;

import io.vertx.core.json.JsonObject;

/**
 * A command whose only argument, if any, is an optional watcher name ({@code list},
 * {@code status}, {@code numprocesses}) or that takes none ({@code dstats}, ...); more words get
 * {@code tooMany}, circusctl 0.19's message for that command.
 */
abstract class QueryCommand extends ControllerCommand {

  private final int maxWords;
  private final String tooMany;

  QueryCommand(String name, String summary, boolean takesName, String description, String tooMany) {
    super(name, summary, takesName ? "[<name>]" : "", description);
    this.maxWords = takesName ? 1 : 0;
    this.tooMany = tooMany;
  }

  @Override
  final JsonObject properties(Arguments arguments) throws ArgumentError {
    arguments.requireCount(0, maxWords, tooMany);
    return optionalName(arguments);
  }
}
