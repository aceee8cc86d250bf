package dev.deepbuild.runtime.text;

import java.util.Arrays;

/** A growable int array, to collect indices without boxing. */
final class IntList {
  private int[] values = new int[256];
  private int size;

  void add(int value) {
    if (size == values.length) {
      values = Arrays.copyOf(values, size * 2);
    }
    values[size++] = value;
  }

  int size() {
    return size;
  }

  void clear() {
    size = 0;
  }

  int[] toArray() {
    return Arrays.copyOf(values, size);
  }
}
