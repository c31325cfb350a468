package io.circus.zmq;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * One subscriber's topic prefixes, counted as ZeroMQ counts them: subscribing twice to a prefix
 * needs two cancels. The empty prefix matches every topic.
 */
final class Subscriptions {

  private final List<byte[]> prefixes = new ArrayList<>();

  void subscribe(byte[] prefix) {
    prefixes.add(prefix);
  }

  void cancel(byte[] prefix) {
    for (int i = 0; i < prefixes.size(); i++) {
      if (Arrays.equals(prefixes.get(i), prefix)) {
        prefixes.remove(i);
        return;
      }
    }
  }

  boolean matches(byte[] topic) {
    for (byte[] prefix : prefixes) {
      if (prefix.length <= topic.length && Arrays.equals(prefix, 0, prefix.length, topic, 0, prefix.length)) {
        return true;
      }
    }
    return false;
  }
}
