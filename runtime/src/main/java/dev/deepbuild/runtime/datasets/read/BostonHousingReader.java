package dev.deepbuild.runtime.datasets.read;

import dev.deepbuild.runtime.InvalidInputException;
import dev.deepbuild.runtime.data.CsvSource;
import dev.deepbuild.runtime.data.CsvTable;
import dev.deepbuild.runtime.data.CsvTableReader;
import dev.deepbuild.runtime.datasets.DatasetCatalog;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;

/**
 * Reads the Boston housing table of {@link DatasetCatalog#BOSTON_HOUSING}:
 * {@code package/data/data.csv}, a header {@code crim,...,lstat,medv} and 506 rows, as a
 * {@link CsvTable} whose label column is {@value #LABEL} (the median home value in thousands of
 * dollars), parsed by {@link CsvTableReader} like any {@code @CsvData} table.
 */
public final class BostonHousingReader {
  public static final String ENTRY = "package/data/data.csv";
  public static final String LABEL = "medv";

  private BostonHousingReader() {}

  /** Reads the table from the dataset's tarball. */
  public static CsvTable read(Path tarball) {
    CsvSource source = CsvSource.file(tarball + "!/" + ENTRY).labelColumn(LABEL);
    return DatasetArchives.readOne(
        DatasetCatalog.BOSTON_HOUSING, tarball, ENTRY, content -> parse(source, content));
  }

  /** Reads the table from the content of {@code data.csv}; {@code source} names it in messages. */
  public static CsvTable parse(CsvSource source, InputStream content) throws IOException {
    CsvTable table;
    try {
      table = CsvTableReader.parse(DatasetCatalog.BOSTON_HOUSING.id(), source, content);
    } catch (InvalidInputException e) {
      throw new DatasetFormatException(e.getMessage(), e);
    }
    if (!table.header().contains(LABEL)) {
      throw new DatasetFormatException(ENTRY + " has no column " + LABEL + ", only " + table.header());
    }
    return table;
  }
}
