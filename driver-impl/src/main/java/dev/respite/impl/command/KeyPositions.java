package dev.respite.impl.command;

import java.util.Arrays;

/**
 * The positions of a command's keys among its words (the name is word 0), in the order they appear, and
 * whether some keys could not be found from the arguments (a key specification Redis marks unknown).
 */
public final class KeyPositions {
  private int[] positions = new int[4];
  private int size;
  private boolean incomplete;

  void add(int position) {
    for (int i = 0; i < size; i++) {
      if (positions[i] == position) {
        return; // two specifications may name the same key (SORT ... STORE)
      }
    }
    if (size == positions.length) {
      positions = Arrays.copyOf(positions, size * 2);
    }
    positions[size++] = position;
  }

  void incomplete() {
    incomplete = true;
  }

  /** How many keys were found. */
  public int size() {
    return size;
  }

  /** The position of the {@code i}-th key found. */
  public int get(int i) {
    if (i < 0 || i >= size) {
      throw new IndexOutOfBoundsException("Key " + i + " of " + size);
    }
    return positions[i];
  }

  /** Whether the command may have keys that its arguments do not show (Redis: an unknown key spec). */
  public boolean isIncomplete() {
    return incomplete;
  }

  @Override
  public String toString() {
    return Arrays.toString(Arrays.copyOf(positions, size)) + (incomplete ? "+?" : "");
  }
}
