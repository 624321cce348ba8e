package dev.respite.impl.lane;

import dev.respite.impl.command.Command;

/**
 * An estimate of a frame's size on the wire, for the lanes' byte bound and the pin threshold: strings
 * count one byte per char (UTF-8 may take up to three), numbers 20, each argument 16 for its header.
 */
final class FrameSize {
  private static final int HEADER = 16;
  private static final int NUMBER = 20;

  private FrameSize() {}

  /** The estimated size of {@code command}, at most {@link Integer#MAX_VALUE}. */
  static int of(Command<?> command) {
    long bytes = HEADER + command.name().length();
    for (int i = 0; i < command.argCount(); i++) {
      Object arg = command.arg(i);
      bytes += HEADER;
      if (arg instanceof byte[]) {
        bytes += ((byte[]) arg).length;
      } else if (arg instanceof String) {
        bytes += ((String) arg).length();
      } else {
        bytes += NUMBER;
      }
    }
    return (int) Math.min(Integer.MAX_VALUE, bytes);
  }
}
