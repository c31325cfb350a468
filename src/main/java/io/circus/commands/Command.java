package io.circus.commands;

/**
 * One Circus command (Circus keeps one module per command; here one class each). A command
 * checks its properties and looks up what it acts on in {@link #prepare}, throwing
 * {@link CommandError} with Circus's errno and wording, and returns the operation to run.
 */
public interface Command {

  /** The command's name on the wire, lower case. */
  String name();

  /** One line saying what the command does, for help listings. */
  String summary();

  Execution prepare(CommandContext context, Props properties);
}
