package io.circus.arbiter;

import java.util.BitSet;

/**
 * Hands out worker ids: the smallest integer from 1 not held by a live process of the watcher,
 * so a respawned process takes the wid its predecessor freed (SPEC.md §7.4).
 */
final class WidAllocator {

  private final BitSet used = new BitSet();

  int acquire() {
    int wid = used.nextClearBit(1);
    used.set(wid);
    return wid;
  }

  void release(int wid) {
    used.clear(wid);
  }
}
