package io.circus.commands;

import io.circus.arbiter.Watcher;
import io.circus.stream.RecentLine;
import io.circus.stream.WatcherOutput;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * {@code tail} (not in Circus): the last {@code lines} lines (default {@value #DEFAULT_LINES}) the
 * processes of a watcher wrote to their streamed stdout and stderr, oldest first, as
 * {@code {"lines": [{"pid", "stream", "line"}, ...], "seq": N}}; the live messages after these
 * lines carry a {@code seq} greater than N. With {@code after} (a seq), only the lines of the blocks
 * published after it: how a live tail fills a gap it saw. Only streamed output is kept (a watcher
 * without {@code stdout_stream} / {@code stderr_stream} has none). New lines are published on the
 * pub/sub endpoint under {@code stream.<watcher>.}, which is how {@code circusctl tail -f} follows.
 */
final class Tail implements Command {

  static final int DEFAULT_LINES = 10;

  @Override
  public String name() {
    return "tail";
  }

  @Override
  public String summary() {
    return "Get the last lines written by the processes of a watcher";
  }

  @Override
  public Execution prepare(CommandContext context, Props props) {
    Watcher watcher = Lookup.watcher(context.arbiter(), props.requiredName("name"));
    Integer asked = props.integerOrText("lines");
    int count = asked == null ? DEFAULT_LINES : asked;
    if (count < 0) throw CommandError.invalid("lines must be 0 or more");
    Double after = props.number("after");
    WatcherOutput.Recent recent = watcher.output().recentAndSequence(count, after == null ? 0 : after.longValue());
    JsonArray lines = new JsonArray();
    for (RecentLine line : recent.lines()) {
      lines.add(new JsonObject().put("pid", line.pid()).put("stream", line.stream()).put("line", line.text()));
    }
    return Execution.result(new JsonObject().put("lines", lines).put("seq", recent.sequence()));
  }
}
