package io.circus.config;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reading configuration files: the missing-file error Circus gives, strict UTF-8 text. */
final class ConfigFiles {

  private ConfigFiles() {
  }

  static ConfigException missing(Path file) {
    return new ConfigException(new ConfigError(file.toString(), null, null, null,
        "the configuration file '" + file + "' does not exist"));
  }

  /** The bytes of the main configuration file, or an error Circus's wording for a missing one. */
  static byte[] readMain(Path file) {
    if (!Files.exists(file)) throw missing(file);
    try {
      return Files.readAllBytes(file);
    } catch (IOException e) {
      throw new ConfigException(unreadable(file.toString(), e));
    }
  }

  static ConfigError unreadable(String file, IOException cause) {
    return new ConfigError(file, null, null, null, "cannot be read: " + describe(cause));
  }

  static String describe(IOException e) {
    return e.getClass().getSimpleName() + (e.getMessage() == null ? "" : " " + e.getMessage());
  }

  /** @throws CharacterCodingException when the bytes are not valid UTF-8 (nothing is replaced silently) */
  static String decode(byte[] bytes) throws CharacterCodingException {
    return StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT)
        .decode(ByteBuffer.wrap(bytes))
        .toString();
  }
}
