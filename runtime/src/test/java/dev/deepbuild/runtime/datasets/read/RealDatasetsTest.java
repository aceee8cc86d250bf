package dev.deepbuild.runtime.datasets.read;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.deepbuild.runtime.data.CsvTable;
import dev.deepbuild.runtime.datasets.DatasetCatalog;
import dev.deepbuild.runtime.datasets.fetch.DatasetStore;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The counts the notes and Keras give, on the real tarballs. Runs only where a build has fetched
 * them into the user's dataset cache (or the offline folder); skipped elsewhere, never downloads.
 */
class RealDatasetsTest {
  private static Path tarball(DatasetCatalog.Entry dataset) {
    DatasetStore store = DatasetStore.configured(null, null, line -> {});
    Path file = store.offlineDirectory().orElse(store.cacheDirectory()).resolve(dataset.packFileName());
    assumeTrue(Files.isRegularFile(file), () -> file + " is not there; fetch " + dataset.describe());
    return file;
  }

  @Test
  void imdbHas49582DistinctReviews() {
    LabelledTexts reviews = ImdbReader.read(tarball(DatasetCatalog.IMDB));
    assertEquals(49_582, reviews.size());
    assertArrayEquals(new int[] {24_698, 24_884}, reviews.classCounts());
    assertTrue(reviews.texts().get(0).startsWith("Once again Mr. Costner"));
  }

  @Test
  void reutersHas11228WiresIn46TopicsAsKeras() {
    LabelledTexts wires = ReutersReader.read(tarball(DatasetCatalog.REUTERS));
    assertEquals(11_228, wires.size());
    assertEquals(46, wires.classNames().size());
    assertEquals("acq", wires.classNames().get(0));
    assertEquals("zinc", wires.classNames().get(45));
    int[] counts = wires.classCounts();
    assertEquals(3_972, counts[wires.classNames().indexOf("earn")]);
    assertEquals(2_423, counts[wires.classNames().indexOf("acq")]);
  }

  @Test
  void bostonHas506RowsOf14Columns() {
    CsvTable table = BostonHousingReader.read(tarball(DatasetCatalog.BOSTON_HOUSING));
    assertEquals(506, table.rows().size());
    assertEquals(14, table.columnCount());
    assertEquals("crim", table.header().get(0));
    assertEquals("medv", table.header().get(13));
  }
}
