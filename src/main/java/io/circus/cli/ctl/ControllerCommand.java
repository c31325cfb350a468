package io.circus.cli.ctl;

import io.vertx.core.json.JsonObject;

/**
 * A command sent to circusd: builds the properties circusctl 0.19 sends for an invocation (SPEC
 * §10) and renders the reply as it prints it. A reply with {@code "status": "error"} goes to
 * stderr with exit status 3, any other to stdout.
 */
public abstract non-sealed class ControllerCommand implements CtlCommand {

  private final String name;
  private final String summary;
  private final String usage;
  private final String description;

  ControllerCommand(String name, String summary, String usage, String description) {
    this.name = name;
    this.summary = summary;
    this.usage = usage;
    this.description = description;
  }

  @Override
  public final String name() {
    return name;
  }

  @Override
  public final String summary() {
    return summary;
  }

  @Override
  public final String usage() {
    return usage;
  }

  @Override
  public final String description() {
    return description;
  }

  /** The message's properties; fails, before anything is sent, on arguments circusctl refuses. */
  abstract JsonObject properties(Arguments arguments) throws ArgumentError;

  /** The human output for a reply (without the final newline). */
  String render(JsonObject reply) {
    return isOk(reply) ? "ok" : errorLine(reply);
  }

  static boolean isOk(JsonObject reply) {
    return "ok".equals(reply.getValue("status"));
  }

  /** A reply field as Python prints it, or the error line. */
  static String fieldOrError(JsonObject reply, String field) {
    return isOk(reply) ? PythonText.str(reply.getValue(field)) : errorLine(reply);
  }

  static String errorLine(JsonObject reply) {
    return "error: " + PythonText.str(reply.getValue("reason"));
  }

  /** {@code {"name": NAME}} from the first argument, or {@code {}} when there is none. */
  static JsonObject optionalName(Arguments arguments) {
    JsonObject properties = new JsonObject();
    if (arguments.count() > 0) properties.put("name", arguments.get(0));
    return properties;
  }
}
