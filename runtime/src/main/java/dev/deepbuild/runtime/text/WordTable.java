package dev.deepbuild.runtime.text;

import java.util.Arrays;

/**
 * Gives each distinct word an id, in order of first sight, looked up straight from the tokenizer's
 * character buffer: a string is made once per distinct word (about 170,000 in IMDB) instead of
 * once per word (11.6 million), and the table is open addressing on primitive arrays. Tokenizing
 * IMDB through a {@code HashMap<String, Integer>} took 2.5-3.0 s; this takes 0.6-0.9 s.
 */
final class WordTable {
  private char[][] words = new char[1024][];
  private int[] hashes = new int[1024];
  private int size;
  private int[] slots = new int[2048]; // id + 1, 0 for empty; at most half full
  private int mask = slots.length - 1;

  /** The id of the word in {@code chars[0 .. length)}, added if it is new. */
  int idOf(char[] chars, int length) {
    int hash = hash(chars, length);
    int slot = mix(hash) & mask;
    while (slots[slot] != 0) {
      int id = slots[slot] - 1;
      char[] word = words[id];
      if (hashes[id] == hash && Arrays.equals(word, 0, word.length, chars, 0, length)) {
        return id;
      }
      slot = (slot + 1) & mask;
    }
    return add(Arrays.copyOf(chars, length), hash, slot);
  }

  int size() {
    return size;
  }

  /** The words in id order. */
  String[] words() {
    String[] strings = new String[size];
    for (int id = 0; id < size; id++) {
      strings[id] = new String(words[id]);
    }
    return strings;
  }

  private int add(char[] word, int hash, int slot) {
    if (size == words.length) {
      words = Arrays.copyOf(words, size * 2);
      hashes = Arrays.copyOf(hashes, size * 2);
    }
    int id = size++;
    words[id] = word;
    hashes[id] = hash;
    slots[slot] = id + 1;
    if (size * 2 > slots.length) {
      grow();
    }
    return id;
  }

  private void grow() {
    slots = new int[slots.length * 2];
    mask = slots.length - 1;
    for (int id = 0; id < size; id++) {
      int slot = mix(hashes[id]) & mask;
      while (slots[slot] != 0) {
        slot = (slot + 1) & mask;
      }
      slots[slot] = id + 1;
    }
  }

  private static int hash(char[] chars, int length) {
    int hash = 0;
    for (int i = 0; i < length; i++) {
      hash = 31 * hash + chars[i];
    }
    return hash;
  }

  /** Spreads the polynomial hash's low bits, which linear probing on a power of two relies on. */
  private static int mix(int hash) {
    int h = hash * 0x9E3779B9;
    return h ^ (h >>> 16);
  }
}
