package dev.deepbuild.runtime.incremental;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.deepbuild.annotations.BuiltinDataset;
import dev.deepbuild.runtime.data.BuiltinSource;
import dev.deepbuild.runtime.data.CsvSource;
import dev.deepbuild.runtime.data.TextSource;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ChangesTest {
  private static final Fingerprint SAVED = Fingerprint.of(Map.of("seed", "42", "epochs", "60",
      "network", "sha256:aa", "data.digest", "sha256:bb", "kFold", "KFoldSpec[k=4, iterations=1]"));

  @Test
  void equalFingerprintsHaveNoChanges() {
    assertEquals(List.of(), Changes.between(SAVED, Fingerprint.of(SAVED.components()), CsvSource.file("a.csv")));
  }

  @Test
  void namesEachChangeInComponentOrder() {
    Fingerprint current = Fingerprint.of(Map.of("seed", "7", "network", "sha256:cc",
        "data.digest", "sha256:dd", "batchSize", "16"));
    assertEquals(List.of("batchSize was added", "the data changed (data/iris.csv)", "epochs was removed",
            "kFold was removed", "the network changed", "the seed changed (42 -> 7)"),
        Changes.between(SAVED, current, CsvSource.file("data/iris.csv")));
  }

  @Test
  void namesTheDataByItsLocation() {
    Fingerprint current = Fingerprint.of(Map.of("data.digest", "sha256:ee"));
    Fingerprint saved = Fingerprint.of(Map.of("data.digest", "sha256:bb"));
    assertEquals(List.of("the data changed (iris.dat)"), Changes.between(saved, current, CsvSource.resource("iris.dat")));
    assertEquals(List.of("the data changed (texts)"), Changes.between(saved, current, TextSource.folder("texts")));
    assertEquals(List.of("the data changed (built-in dataset imdb)"),
        Changes.between(saved, current, BuiltinSource.of(BuiltinDataset.IMDB)));
  }

  @Test
  void joinsPhrasesAsASentence() {
    assertEquals("", Changes.join(List.of()));
    assertEquals("a", Changes.join(List.of("a")));
    assertEquals("a and b", Changes.join(List.of("a", "b")));
    assertEquals("a, b and c", Changes.join(List.of("a", "b", "c")));
  }
}
