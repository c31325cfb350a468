package io.circus.client;

import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.concurrent.ThreadLocalRandom;

/**
 * 32 lower-case hex characters of randomness, the form of Python's {@code uuid4().hex} that
 * Circus clients use for request ids and socket identities. Read from {@code /dev/urandom}
 * directly: {@code UUID.randomUUID()} sets up {@code SecureRandom}, which costs circusctl about
 * 15 ms of start-up.
 */
final class RequestIds {

  private static final char[] HEX = "0123456789abcdef".toCharArray();

  private RequestIds() {
  }

  static String next() {
    byte[] bytes = randomBytes(16);
    char[] text = new char[32];
    for (int i = 0; i < 16; i++) {
      text[2 * i] = HEX[(bytes[i] >> 4) & 0xf];
      text[2 * i + 1] = HEX[bytes[i] & 0xf];
    }
    return new String(text);
  }

  private static byte[] randomBytes(int count) {
    try (InputStream in = new FileInputStream("/dev/urandom")) {
      byte[] bytes = in.readNBytes(count);
      if (bytes.length == count) {
        return bytes;
      }
    } catch (IOException notLinux) {
      // fall through: ids only need to be unique among one daemon's clients
    }
    byte[] bytes = new byte[count];
    ThreadLocalRandom.current().nextBytes(bytes);
    return bytes;
  }
}
