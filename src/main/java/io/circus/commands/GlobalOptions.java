package io.circus.commands;

import io.circus.config.ArbiterSpec;
import io.vertx.core.json.JsonObject;
import java.util.LinkedHashMap;
import java.util.Map;

/** {@code globaloptions}: the daemon's endpoints and check_delay, all or the one named by {@code option}. */
final class GlobalOptions implements Command {

  @Override
  public String name() {
    return "globaloptions";
  }

  @Override
  public String summary() {
    return "Get the arbiter options";
  }

  @Override
  public Execution prepare(CommandContext context, Props props) {
    ArbiterSpec spec = context.arbiter().spec();
    Map<String, Object> all = new LinkedHashMap<>();
    all.put("endpoint", spec.endpoint());
    all.put("stats_endpoint", spec.statsEndpoint());
    all.put("pubsub_endpoint", spec.pubsubEndpoint());
    all.put("check_delay", spec.checkDelay());
    all.put("multicast_endpoint", spec.multicastEndpoint());
    String option = props.optionalName("option");
    JsonObject options = new JsonObject();
    if (option == null || option.isEmpty()) {
      all.forEach(options::put);
    } else if (all.containsKey(option)) {
      options.put(option, all.get(option));
    } else {
      throw CommandError.invalid(PythonRepr.string(option) + " not an existing option");
    }
    return Execution.result(new JsonObject().put("options", options));
  }
}
