package io.circus.cli;

import picocli.CommandLine.IVersionProvider;

/** circusd's {@code --version}. */
public final class Version implements IVersionProvider {

  @Override
  public String[] getVersion() {
    return new String[] {"circus-jvm " + ProjectVersion.current() + " (Circus 0.19 protocol)"};
  }
}
