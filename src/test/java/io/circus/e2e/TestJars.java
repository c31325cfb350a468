package io.circus.e2e;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;

/** Jars of a few compiled test classes, as a user's own jar for CIRCUS_CLASSPATH. */
final class TestJars {

  private TestJars() {
  }

  /** {@code dir/jarName} holding the test classes of {@code packagePath} whose file names start with {@code prefix}. */
  static Path of(Path dir, String jarName, String packagePath, String prefix) throws IOException {
    Path classes = Path.of("target", "test-classes");
    Path jar = dir.resolve(jarName);
    try (OutputStream file = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(file);
        Stream<Path> found = Files.list(classes.resolve(packagePath))) {
      for (Path c : found.filter(p -> p.getFileName().toString().startsWith(prefix)).toList()) {
        out.putNextEntry(new JarEntry(classes.relativize(c).toString()));
        out.write(Files.readAllBytes(c));
        out.closeEntry();
      }
    }
    return jar;
  }
}
