package io.circus.commands;

/** {@code listen} is a client-side subscription to the events endpoint; sent here it is refused. */
final class Listen implements Command {

  @Override
  public String name() {
    return "listen";
  }

  @Override
  public String summary() {
    return "Subscribe to a watcher event (client side, on the pub/sub endpoint)";
  }

  @Override
  public Execution prepare(CommandContext context, Props props) {
    throw CommandError.invalid("invalid message. use a pub/sub socket");
  }
}
