package dev.deepbuild.runtime.datasets.read;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.deepbuild.runtime.datasets.DatasetCatalog;
import dev.deepbuild.runtime.datasets.fetch.DatasetArchiveException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReutersReaderTest {
  /** A wire as the dataset's JSON has it; null fields are left out. */
  private static String wire(int id, String title, String body, List<String> topics) {
    StringBuilder json = new StringBuilder("{\"id\":\"" + id + "\",\"date\":\"26-FEB-1987\"");
    if (title != null) {
      json.append(",\"title\":\"").append(title).append('"');
    }
    if (body != null) {
      json.append(",\"body\":\"").append(body).append('"');
    }
    if (topics != null) {
      json.append(",\"topics\":[").append(String.join(",", topics.stream().map(t -> "\"" + t + "\"").toList()))
          .append(']');
    }
    return json.append(",\"places\":[\"usa\"]}").toString();
  }

  private static String array(List<String> wires) {
    return "[\n" + String.join(",\n", wires) + "\n]";
  }

  /**
   * 15 wires first-topic "grain" (kept: exactly the cut-off), 14 first-topic "earn" (dropped, though
   * "earn" is also a second topic elsewhere), 16 "acq" (kept), wires without topics.
   */
  private static List<String> wires() {
    List<String> wires = new ArrayList<>();
    int id = 1;
    for (int i = 0; i < 15; i++) {
      wires.add(wire(id++, "GRAIN " + i, "grain body " + i, i == 0 ? List.of("grain", "earn") : List.of("grain")));
    }
    for (int i = 0; i < 14; i++) {
      wires.add(wire(id++, "EARN " + i, "earn body " + i, List.of("earn", "grain")));
    }
    for (int i = 0; i < 13; i++) {
      wires.add(wire(id++, "ACQ " + i, "acq body " + i, List.of("acq")));
    }
    wires.add(wire(id++, "ACQ TITLE ONLY\\n", null, List.of("acq")));
    wires.add(wire(id++, "ACQ BLANK BODY", "  \\n ", List.of("acq")));
    wires.add(wire(id++, null, null, List.of("acq")));
    wires.add(wire(id++, "NO TOPICS", "body", List.of()));
    wires.add(wire(id++, "NULL TOPICS", "body", null));
    return wires;
  }

  private static List<ReutersReader.Wire> parse(String json) throws IOException {
    return ReutersReader.parseFile("package/data/full/reuters-000.json",
        new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void keepsWiresWhoseFirstTopicIsTheFirstTopicOfAtLeast15Wires() throws IOException {
    LabelledTexts wires = ReutersReader.label(parse(array(wires())));
    assertEquals(List.of("acq", "grain"), wires.classNames());
    assertEquals(15 + 16, wires.size());
    assertArrayEquals(new int[] {16, 15}, wires.classCounts());
    assertEquals("grain body 0", wires.texts().get(0));
    assertEquals(1, wires.label(0));
    assertEquals("acq body 0", wires.texts().get(15));
    assertEquals(0, wires.label(15));
  }

  @Test
  void theTextIsTheBodyOrElseTheTitleOrElseEmpty() throws IOException {
    LabelledTexts wires = ReutersReader.label(parse(array(wires())));
    List<String> texts = wires.texts();
    assertEquals(List.of("ACQ TITLE ONLY\n", "ACQ BLANK BODY", ""), texts.subList(texts.size() - 3, texts.size()));
  }

  @Test
  void aWireOfTheWrongShapeIsAFormatError() {
    String message = assertThrows(DatasetFormatException.class,
        () -> parse("[{\"title\":\"x\",\"topics\":\"earn\"}]")).getMessage();
    assertTrue(message.startsWith("package/data/full/reuters-000.json: \"topics\" is not an array"), message);
    assertThrows(DatasetFormatException.class, () -> parse("[{\"body\":7}]"));
    assertThrows(DatasetFormatException.class, () -> parse("[{\"topics\":[\"a\",1]}]"));
  }

  @Test
  void readsTheFilesOfATarballInNameOrder(@TempDir Path dir) throws IOException {
    List<String> all = wires();
    Map<String, String> entries = Tarballs.entries();
    List<String> files = new ArrayList<>(DatasetCatalog.REUTERS.files());
    Collections.reverse(files); // archive order differs from name order, as in the real tarball
    for (String file : files) {
      entries.put(file, file.endsWith("000.json") ? array(all.subList(0, 20))
          : file.endsWith("001.json") ? array(all.subList(20, all.size())) : "[]");
    }
    LabelledTexts wires = ReutersReader.read(Tarballs.write(dir.resolve("reuters.tgz"), entries));
    assertEquals(ReutersReader.label(parse(array(all))), wires);
  }

  @Test
  void aTarballWithoutAllFilesNamesTheMissingOnes(@TempDir Path dir) throws IOException {
    Path tarball = Tarballs.write(dir.resolve("reuters.tgz"),
        Tarballs.entries("package/data/full/reuters-000.json", array(wires())));
    String message = assertThrows(DatasetArchiveException.class, () -> ReutersReader.read(tarball))
        .getMessage();
    assertTrue(message.contains("it lacks the entries [package/data/full/reuters-001.json, "), message);
    assertTrue(message.endsWith("Delete " + tarball + " so that it is fetched and verified again."), message);
  }
}
