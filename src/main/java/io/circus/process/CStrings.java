package io.circus.process;

import com.sun.jna.Memory;
import com.sun.jna.Native;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * A NULL-terminated {@code char *[]} (argv, envp) in ONE native block: the pointer array first,
 * then the UTF-8 strings it points to. One allocation per vector instead of one per string.
 */
final class CStrings {

  private CStrings() {
  }

  /** The vector; the caller closes it. */
  static Memory vector(List<String> strings, String what) throws SpawnException {
    byte[][] encoded = new byte[strings.size()][];
    long pointersSize = (long) (strings.size() + 1) * Native.POINTER_SIZE;
    long size = pointersSize;
    for (int i = 0; i < encoded.length; i++) {
      String s = strings.get(i);
      if (s.indexOf('\0') >= 0) {
        throw new SpawnException(LibC.EINVAL, what + " contains a NUL character: " + s.replace('\0', '?'));
      }
      encoded[i] = s.getBytes(StandardCharsets.UTF_8);
      size += encoded[i].length + 1;
    }
    Memory block = new Memory(size);
    long offset = pointersSize;
    for (int i = 0; i < encoded.length; i++) {
      block.write(offset, encoded[i], 0, encoded[i].length);
      block.setByte(offset + encoded[i].length, (byte) 0);
      block.setPointer((long) i * Native.POINTER_SIZE, block.share(offset));
      offset += encoded[i].length + 1;
    }
    block.setPointer(pointersSize - Native.POINTER_SIZE, null);
    return block;
  }
}
