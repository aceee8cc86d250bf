package dev.deepbuild.runtime.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.deepbuild.runtime.InvalidInputException;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvTableReaderTest {
  @TempDir Path base;

  private CsvTable read(CsvSource source) {
    return new CsvTableReader(base, getClass().getClassLoader()).read("iris", source);
  }

  private void write(String name, String content) throws IOException {
    Files.createDirectories(base.resolve(name).getParent());
    Files.writeString(base.resolve(name), content);
  }

  private static void assertContains(String message, String... parts) {
    for (String part : parts) {
      assertTrue(message.contains(part), () -> "expected \"" + part + "\" in: " + message);
    }
  }

  @Test
  void readsTrimmedCellsSkippingBlankLinesWithHeaderAndQuotes() throws IOException {
    write("data/t.csv", "\uFEFFa, b ,label\n\n 1 ,2,\"x, y\"\n   \n3,4,\"say \"\"hi\"\"\"\n");
    CsvTable table = read(CsvSource.file("data/t.csv").withHeader());
    assertEquals(List.of("a", "b", "label"), table.header());
    assertEquals(2, table.rows().size());
    assertEquals(List.of("1", "2", "x, y"), table.rows().get(0).cells());
    assertEquals(3, table.rows().get(0).line());
    assertEquals(List.of("3", "4", "say \"hi\""), table.rows().get(1).cells());
    assertEquals(5, table.rows().get(1).line());
  }

  @Test
  void readsOtherDelimitersAndAbsolutePaths() throws IOException {
    write("t.tsv", "1;2\n3;4\n");
    CsvTable table = read(CsvSource.file(base.resolve("t.tsv").toString()).delimiter(';'));
    assertEquals(List.of("3", "4"), table.rows().get(1).cells());
  }

  @Test
  void readsClasspathResources() throws IOException {
    write("res/data/iris.csv", "1,2,0\n");
    try (URLClassLoader loader = new URLClassLoader(new URL[] {base.resolve("res").toUri().toURL()}, null)) {
      CsvTableReader reader = new CsvTableReader(base, loader);
      assertEquals(List.of("1", "2", "0"),
          reader.read("iris", CsvSource.resource("/data/iris.csv")).rows().get(0).cells());
    }
  }

  @Test
  void missingFileNamesTheAbsolutePathAndTheFix() {
    String message = assertThrows(InvalidInputException.class,
        () -> read(CsvSource.file("data/missing.csv"))).getMessage();
    assertContains(message, "iris: ", "file data/missing.csv",
        base.toAbsolutePath().resolve("data/missing.csv").toString(),
        "relative to the project base directory", "@CsvData(resource = ...)");
  }

  @Test
  void missingResourceNamesTheNameAndTheFix() {
    String message = assertThrows(InvalidInputException.class,
        () -> read(CsvSource.resource("nowhere/iris.dat"))).getMessage();
    assertContains(message, "iris: ", "classpath resource nowhere/iris.dat",
        "src/main/resources/nowhere/iris.dat", "@CsvData(file = ...)");
  }

  @Test
  void raggedRowNamesItsLine() throws IOException {
    write("r.csv", "1,2,3,0\n\n4,5,6,1\n7,8,1\n");
    String message = assertThrows(InvalidInputException.class,
        () -> read(CsvSource.file("r.csv"))).getMessage();
    assertEquals("iris: file r.csv line 4 has 3 columns but line 1 has 4. Fix line 4 so that it holds"
        + " 4 values separated by ',' (quote a value that contains ',').", message);
  }

  @Test
  void unclosedQuoteNamesItsLine() throws IOException {
    write("q.csv", "1,2\n\"3,4\n");
    String message = assertThrows(InvalidInputException.class,
        () -> read(CsvSource.file("q.csv"))).getMessage();
    assertContains(message, "iris: file q.csv line 2: a quoted value is not closed");
  }

  @Test
  void noDataRowsIsAnError() throws IOException {
    write("h.csv", "a,b\n\n");
    String message = assertThrows(InvalidInputException.class,
        () -> read(CsvSource.file("h.csv").withHeader())).getMessage();
    assertContains(message, "iris: file h.csv has no data rows below its header");
    write("e.csv", "\n");
    assertEquals("iris: file e.csv is empty. Add samples to it, or point @CsvData at the file that"
        + " holds them.", assertThrows(InvalidInputException.class,
            () -> read(CsvSource.file("e.csv").withHeader())).getMessage());
  }

  @Test
  void aHeaderRowReadAsDataSaysHeaderTrue() throws IOException {
    write("iris.csv", "sepal_length,sepal_width,species\n5.1,3.5,setosa\n4.9,3.0,virginica\n");
    String message = assertThrows(InvalidInputException.class,
        () -> read(CsvSource.file("iris.csv").labelIndex(2))).getMessage();
    assertEquals("iris: file iris.csv line 1 looks like a header row (sepal_length, sepal_width,"
        + " species): its cells are not numbers where the rows below hold numbers, but @CsvData reads"
        + " the file without a header. Set @CsvData(header = true), or remove the line if it is not"
        + " data.", message);
    assertEquals(2, read(CsvSource.file("iris.csv").labelIndex(2).withHeader()).rows().size());
  }

  @Test
  void oneNonNumericCellInTheFirstRowIsNoHeader() throws IOException {
    // Text labels in every row, and a first row with one missing value, are data.
    write("t.csv", "5.1,NA,setosa\n4.9,3.0,virginica\n");
    assertEquals(2, read(CsvSource.file("t.csv").labelIndex(2)).rows().size());
  }

  @Test
  void labelIndexOutOfRangeNamesTheColumnCount() throws IOException {
    write("i.csv", "5.1,3.5,1.4,0.2,0\n");
    CsvTable table = read(CsvSource.file("i.csv").labelIndex(7));
    String message = assertThrows(InvalidInputException.class,
        () -> LabelColumn.resolve("iris", table)).getMessage();
    assertEquals("iris: @CsvData(label = 7) is out of range: file i.csv has 5 columns (indices 0 to 4)."
        + " Set label to the 0-based index of the label column.", message);
    assertEquals(4, LabelColumn.resolve("iris", read(CsvSource.file("i.csv").labelIndex(4))));
  }

  @Test
  void unknownLabelColumnListsColumnsAndSuggestsTheNearest() throws IOException {
    write("h.csv", "sepal_length,sepal_width,species\n5.1,3.5,setosa\n");
    assertEquals(2, LabelColumn.resolve("iris", read(CsvSource.file("h.csv").labelColumn("species"))));
    String message = assertThrows(InvalidInputException.class,
        () -> LabelColumn.resolve("iris", read(CsvSource.file("h.csv").labelColumn("Specie")))).getMessage();
    assertEquals("iris: file h.csv has no column named \"Specie\"; its columns are sepal_length,"
        + " sepal_width, species. Did you mean \"species\"? Set @CsvData(labelColumn = ...) to one of"
        + " those names.", message);
    String unrelated = assertThrows(InvalidInputException.class,
        () -> LabelColumn.resolve("iris", read(CsvSource.file("h.csv").labelColumn("price")))).getMessage();
    assertEquals("iris: file h.csv has no column named \"price\"; its columns are sepal_length,"
        + " sepal_width, species. Set @CsvData(labelColumn = ...) to one of those names.", unrelated);
  }

  @Test
  void nonNumericFeatureNamesLineColumnValueAndFix() throws IOException {
    write("f.csv", "sepal_length,sepal_width,species\n5.1,3.5,0\n\n4.9,abc,1\n");
    CsvTable table = read(CsvSource.file("f.csv").labelColumn("species"));
    String message = assertThrows(InvalidInputException.class,
        () -> FeatureColumns.read("iris", table, 2)).getMessage();
    assertEquals("iris: file f.csv line 4, column index 1 (sepal_width): \"abc\" is not a finite number."
        + " Every column but the label must be numeric: fix the value, or if this column holds the"
        + " label, set @CsvData(labelColumn = \"sepal_width\").", message);
    CsvTable byIndex = read(CsvSource.file("f.csv").labelIndex(2).withHeader());
    assertContains(assertThrows(InvalidInputException.class,
        () -> FeatureColumns.read("iris", byIndex, 2)).getMessage(), "set @CsvData(label = 1).");
  }

  @Test
  void featuresSkipTheLabelColumn() throws IOException {
    write("g.csv", "0,1.5,2\n1,-3,4e2\n");
    CsvTable table = read(CsvSource.file("g.csv").labelIndex(0));
    double[][] features = FeatureColumns.read("m", table, 0);
    assertArrayEquals(new double[] {1.5, 2}, features[0]);
    assertArrayEquals(new double[] {-3, 400}, features[1]);
  }

  @Test
  void emptyAndNonFiniteCellsAreNotNumbers() throws IOException {
    write("n.csv", "1,NaN,0\n");
    CsvTable table = read(CsvSource.file("n.csv"));
    assertContains(assertThrows(InvalidInputException.class,
        () -> FeatureColumns.read("m", table, 2)).getMessage(), "column index 1: \"NaN\"");
    write("n.csv", "1,,0\n");
    CsvTable empty = read(CsvSource.file("n.csv"));
    assertContains(assertThrows(InvalidInputException.class,
        () -> FeatureColumns.read("m", empty, 2)).getMessage(), "column index 1: \"\" is not");
  }
}
