package dev.deepbuild.runtime.text;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.deepbuild.annotations.OutputMode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PreparedTextCacheTest {
  @TempDir Path dir;
  private final List<String> notices = new ArrayList<>();
  private final AtomicInteger computed = new AtomicInteger();

  private PreparedTextCache cache() {
    return new PreparedTextCache(dir.resolve("prepared"), notices::add);
  }

  private Supplier<EncodedTexts> compute(OutputMode mode) {
    return () -> {
      computed.incrementAndGet();
      return new TextVectorizer(6, mode, mode == OutputMode.INT ? 4 : 0)
          .vectorize(TextVectorizerTest.TEXTS, TextVectorizerTest.TRAINING);
    };
  }

  private static void assertSameTexts(EncodedTexts expected, EncodedTexts actual) {
    assertEquals(expected.mode(), actual.mode());
    assertEquals(expected.maxTokens(), actual.maxTokens());
    assertEquals(expected.sequenceLength(), actual.sequenceLength());
    assertEquals(expected.vocabulary(), actual.vocabulary());
    assertEquals(expected.size(), actual.size());
    for (int text = 0; text < expected.size(); text++) {
      assertArrayEquals(expected.indices(text), actual.indices(text));
    }
  }

  @Test
  void computesOnceThenLoadsWhatItStored() {
    EncodedTexts first = cache().getOrCompute("imdb|int", compute(OutputMode.INT));
    EncodedTexts second = cache().getOrCompute("imdb|int", compute(OutputMode.INT));
    assertEquals(1, computed.get());
    assertSameTexts(first, second);
    assertTrue(notices.get(1).startsWith("loaded the vectorized texts from "), notices::toString);
  }

  @Test
  void keysAreKeptApart() {
    EncodedTexts multiHot = cache().getOrCompute("a", compute(OutputMode.MULTI_HOT));
    EncodedTexts sequences = cache().getOrCompute("b", compute(OutputMode.INT));
    assertEquals(2, computed.get());
    assertSameTexts(multiHot, cache().getOrCompute("a", compute(OutputMode.INT)));
    assertSameTexts(sequences, cache().getOrCompute("b", compute(OutputMode.MULTI_HOT)));
    assertEquals(2, computed.get());
  }

  @Test
  void theSameTextsGiveTheSameFile() throws IOException {
    PreparedTextCache cache = cache();
    cache.getOrCompute("k", compute(OutputMode.MULTI_HOT));
    byte[] first = Files.readAllBytes(cache.fileFor("k"));
    Files.delete(cache.fileFor("k"));
    cache.getOrCompute("k", compute(OutputMode.MULTI_HOT));
    assertArrayEquals(first, Files.readAllBytes(cache.fileFor("k")));
  }

  @Test
  void aTruncatedFileIsDeletedAndRecomputed() throws IOException {
    PreparedTextCache cache = cache();
    EncodedTexts stored = cache.getOrCompute("k", compute(OutputMode.INT));
    byte[] bytes = Files.readAllBytes(cache.fileFor("k"));
    // every possible truncation, the header's, the words', the indices' and the checksum's
    for (int length = 0; length < bytes.length; length++) {
      Files.write(cache.fileFor("k"), Arrays.copyOf(bytes, length));
      assertSameTexts(stored, cache.getOrCompute("k", compute(OutputMode.INT)));
      assertEquals(length + 2, computed.get(), "truncated to " + length + " bytes");
      assertArrayEquals(bytes, Files.readAllBytes(cache.fileFor("k")));
    }
    assertTrue(notices.stream().anyMatch(n -> n.contains("because it is truncated")), notices::toString);
  }

  @Test
  void anAlteredByteIsDetected() throws IOException {
    PreparedTextCache cache = cache();
    EncodedTexts stored = cache.getOrCompute("k", compute(OutputMode.MULTI_HOT));
    byte[] bytes = Files.readAllBytes(cache.fileFor("k"));
    for (int position = 0; position < bytes.length; position++) {
      byte[] altered = bytes.clone();
      altered[position] ^= 0x10;
      Files.write(cache.fileFor("k"), altered);
      assertSameTexts(stored, cache.getOrCompute("k", compute(OutputMode.MULTI_HOT)));
      assertEquals(position + 2, computed.get(), "byte " + position + " altered");
    }
  }

  @Test
  void trailingBytesAndAnotherKeysFileAreNotUsed() throws IOException {
    PreparedTextCache cache = cache();
    cache.getOrCompute("k", compute(OutputMode.MULTI_HOT));
    Path file = cache.fileFor("k");
    Files.write(file, new byte[] {0}, java.nio.file.StandardOpenOption.APPEND);
    cache.getOrCompute("k", compute(OutputMode.MULTI_HOT));
    assertEquals(2, computed.get());

    cache.getOrCompute("other", compute(OutputMode.MULTI_HOT));
    Files.copy(cache.fileFor("other"), file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    cache.getOrCompute("k", compute(OutputMode.MULTI_HOT));
    assertEquals(4, computed.get());
    assertTrue(notices.stream().anyMatch(n -> n.contains("it holds the key 'other', not 'k'")),
        notices::toString);
  }

  @Test
  void anUnwritableCacheStillReturnsTheTextsAndSaysWhy() throws IOException {
    Path blocked = dir.resolve("blocked");
    Files.writeString(blocked, "a file where the cache directory should be");
    PreparedTextCache cache = new PreparedTextCache(blocked, notices::add);
    EncodedTexts texts = cache.getOrCompute("k", compute(OutputMode.MULTI_HOT));
    assertEquals(3, texts.size());
    String last = notices.get(notices.size() - 1);
    assertTrue(last.startsWith("could not store the vectorized texts in " + cache.fileFor("k")), last);
    assertTrue(last.contains("-D" + PreparedTextCache.DIRECTORY_PROPERTY + "="), last);
  }

  @Test
  void writesNoTemporaryFilesAndNamesFilesByTheKeysHash() throws IOException {
    PreparedTextCache cache = cache();
    cache.getOrCompute("a key / with : odd characters", compute(OutputMode.MULTI_HOT));
    try (Stream<Path> files = Files.list(cache.directory())) {
      List<Path> all = files.toList();
      assertEquals(List.of(cache.fileFor("a key / with : odd characters")), all);
      assertTrue(all.get(0).getFileName().toString().matches("[0-9a-f]{64}\\.texts"));
    }
  }

  @Test
  void theDefaultDirectoryFollowsTheSystemProperty() {
    String previous = System.getProperty(PreparedTextCache.DIRECTORY_PROPERTY);
    try {
      System.clearProperty(PreparedTextCache.DIRECTORY_PROPERTY);
      assertEquals(Path.of(System.getProperty("user.home"), ".deepbuild", "prepared"),
          PreparedTextCache.defaultDirectory());
      System.setProperty(PreparedTextCache.DIRECTORY_PROPERTY, dir.toString());
      assertEquals(dir, PreparedTextCache.defaultDirectory());
    } finally {
      if (previous == null) {
        System.clearProperty(PreparedTextCache.DIRECTORY_PROPERTY);
      } else {
        System.setProperty(PreparedTextCache.DIRECTORY_PROPERTY, previous);
      }
    }
  }

  @Test
  void aCorruptFileIsNeverReturned() throws IOException {
    PreparedTextCache cache = cache();
    Files.createDirectories(cache.directory());
    Files.writeString(cache.fileFor("k"), "not a cache file at all");
    EncodedTexts fresh = compute(OutputMode.MULTI_HOT).get();
    assertSame(fresh, cache.getOrCompute("k", () -> fresh));
    assertFalse(notices.isEmpty());
    assertTrue(notices.get(0).contains("because it is not a prepared-texts file"), notices::toString);
  }
}
