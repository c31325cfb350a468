package io.circus.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** The project version, from the build (resource filtered by Maven). Free of picocli, for circusctl. */
public final class ProjectVersion {

  private ProjectVersion() {
  }

  public static String current() {
    Properties properties = new Properties();
    try (InputStream in = ProjectVersion.class.getResourceAsStream("/io/circus/version.properties")) {
      if (in != null) {
        properties.load(in);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return properties.getProperty("version", "unknown");
  }
}
