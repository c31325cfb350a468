package io.circus.client;

import io.vertx.core.json.JsonObject;

/**
 * A signal to send without the stop machinery (SPEC §3.9): to every process of a watcher or to
 * one pid; to the process itself, its direct children ({@code children}), one child
 * ({@code childpid}, needs a pid), or the process and all its descendants ({@code recursive}).
 * {@code signum} is a name ({@code "HUP"}, {@code "SIGUSR1"}) or a number as text.
 */
public record SignalRequest(String name, String signum, Long pid, Long childpid, boolean children,
    boolean recursive) {

  public static SignalRequest of(String name, String signum) {
    return new SignalRequest(name, signum, null, null, false, false);
  }

  public SignalRequest withPid(long newPid) {
    return new SignalRequest(name, signum, newPid, childpid, children, recursive);
  }

  public SignalRequest toChild(long newChildpid) {
    return new SignalRequest(name, signum, pid, newChildpid, children, recursive);
  }

  public SignalRequest toChildren() {
    return new SignalRequest(name, signum, pid, childpid, true, recursive);
  }

  public SignalRequest recursively() {
    return new SignalRequest(name, signum, pid, childpid, children, true);
  }

  JsonObject properties() {
    JsonObject properties = new JsonObject().put("name", name).put("signum", signum);
    if (pid != null) properties.put("pid", pid);
    if (childpid != null) properties.put("childpid", childpid);
    return properties.put("children", children).put("recursive", recursive);
  }
}
