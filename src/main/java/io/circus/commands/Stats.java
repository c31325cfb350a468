package io.circus.commands;

import io.circus.arbiter.ProcessInfo;
import io.circus.arbiter.Watcher;
import io.circus.arbiter.EpochTime;
import io.circus.stats.ProcessSampler;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code stats}: Circus's process records (SPEC.md §3.10) for every watcher, one watcher, or one
 * {@code process} of it. Sampling reads /proc, so it runs on a worker thread. With
 * {@code extended}, each record then goes through its watcher's {@code extended_stats} hook.
 */
final class Stats implements Command {

  static final String GONE = "No such process (stopped?)";

  @Override
  public String name() {
    return "stats";
  }

  @Override
  public String summary() {
    return "Get process infos";
  }

  @Override
  public Execution prepare(CommandContext context, Props props) {
    String name = props.optionalName("name");
    boolean extended = props.flag("extended");
    ProcessSampler sampler = context.sampler();
    if (name == null) {
      List<Watcher> watchers = context.arbiter().watchers();
      return Execution.computed(() -> context.vertx().executeBlocking(() -> {
        JsonObject infos = new JsonObject();
        for (Watcher watcher : watchers) {
          infos.put(watcher.name(), records(sampler, watcher.snapshot().processes()));
        }
        return infos;
      }, false).compose(infos -> {
        List<Future<?>> all = new ArrayList<>();
        for (Watcher watcher : watchers) {
          all.add(extend(watcher, infos.getJsonObject(watcher.name()), extended));
        }
        return Future.join(all).map(v -> new JsonObject().put("infos", infos));
      }));
    }
    Watcher watcher = Lookup.watcher(context.arbiter(), name);
    if (!props.has("process")) {
      return Execution.computed(() -> context.vertx().executeBlocking(() -> records(sampler, watcher.snapshot().processes()), false)
          .compose(info -> extend(watcher, info, extended))
          .map(info -> new JsonObject().put("name", name).put("info", info)));
    }
    Object asSent = props.json().getValue("process");
    int pid = props.integerOrText("process");
    ProcessInfo process = watcher.snapshot().processes().stream().filter(p -> p.pid() == pid).findFirst()
        .orElseThrow(() -> CommandError.invalid("process " + PythonRepr.value(asSent) + " not found in " + PythonRepr.string(name)));
    return Execution.computed(() -> context.vertx().executeBlocking(() -> record(sampler, process), false)
        .compose(info -> extended && info instanceof JsonObject record
            ? watcher.extendedStats(pid, record).<Object>map(r -> r) : Future.<Object>succeededFuture(info))
        .map(info -> new JsonObject().put("process", asSent).put("info", info)));
  }

  /** Replaces each record of {@code info} (pid to record) by what the extended_stats hook made of it. */
  private static Future<JsonObject> extend(Watcher watcher, JsonObject info, boolean extended) {
    if (!extended) {
      return Future.succeededFuture(info);
    }
    List<Future<JsonObject>> records = new ArrayList<>();
    for (String pid : info.fieldNames()) {
      if (info.getValue(pid) instanceof JsonObject record) {
        records.add(watcher.extendedStats(Integer.parseInt(pid), record).onSuccess(extendedRecord -> info.put(pid, extendedRecord)));
      }
    }
    return Future.join(records).map(info);
  }

  private static JsonObject records(ProcessSampler sampler, List<ProcessInfo> processes) {
    JsonObject info = new JsonObject();
    for (ProcessInfo process : processes) {
      info.put(Integer.toString(process.pid()), record(sampler, process));
    }
    return info;
  }

  private static Object record(ProcessSampler sampler, ProcessInfo process) {
    Optional<JsonObject> sample = sampler.sample(process.pid());
    if (sample.isEmpty()) {
      return GONE;
    }
    JsonObject info = sample.get();
    info.put("age", EpochTime.now() - process.started()).put("started", process.started()).put("wid", process.wid());
    return info;
  }
}
