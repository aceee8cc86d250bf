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
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReutersReaderTest {
  /** A wire as the dataset's JSON has it, placed in the USA; null fields are left out. */
  private static String wire(int id, String title, String body, List<String> topics) {
    return wire(id, title, body, topics, List.of("usa"));
  }

  /** A wire as the dataset's JSON has it; null fields are left out. */
  private static String wire(int id, String title, String body, List<String> topics,
      List<String> places) {
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
    if (places != null) {
      json.append(",\"places\":[").append(String.join(",", places.stream().map(p -> "\"" + p + "\"").toList()))
          .append(']');
    }
    return json.append('}').toString();
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

  /** A wire's fields as a test writes them; null ones are left out of its JSON. */
  private record Fields(String title, String body, List<String> topics, List<String> places) {}

  /**
   * 15 wires of first topic "grain" (kept), 14 of "earn" (dropped), 16 of "acq" (kept, among them
   * one without body, one with a blank body, one with neither title nor body, one without title),
   * two without topics (dropped); places cycle through usa, uk and usa, uk, and none.
   */
  private static List<Fields> fielded() {
    List<List<String>> places = Arrays.asList(List.of("usa"), List.of("uk", "usa"), List.of("uk"), null);
    List<Fields> wires = new ArrayList<>();
    for (int i = 0; i < 15; i++) {
      wires.add(new Fields("GRAIN " + i, "grain body " + i, List.of("grain"), places.get(wires.size() % 4)));
    }
    for (int i = 0; i < 14; i++) {
      wires.add(new Fields("EARN " + i, "earn body " + i, List.of("earn", "grain"), places.get(wires.size() % 4)));
    }
    for (int i = 0; i < 12; i++) {
      wires.add(new Fields("ACQ " + i, "acq body " + i, List.of("acq"), places.get(wires.size() % 4)));
    }
    wires.add(new Fields("ACQ TITLE ONLY", null, List.of("acq"), List.of("usa")));
    wires.add(new Fields("ACQ BLANK BODY", "   ", List.of("acq"), List.of()));
    wires.add(new Fields(null, null, List.of("acq"), List.of("usa")));
    wires.add(new Fields(null, "acq body only", List.of("acq"), null));
    wires.add(new Fields("NO TOPICS", "body", List.of(), List.of("usa")));
    wires.add(new Fields("NULL TOPICS", "body", null, List.of("usa")));
    return wires;
  }

  private static Path fieldedTarball(Path dir) throws IOException {
    List<Fields> wires = fielded();
    List<String> json = new ArrayList<>();
    for (int i = 0; i < wires.size(); i++) {
      Fields wire = wires.get(i);
      json.add(wire(i + 1, wire.title(), wire.body(), wire.topics(), wire.places()));
    }
    Map<String, String> entries = Tarballs.entries();
    for (String file : DatasetCatalog.REUTERS.files()) {
      entries.put(file, file.endsWith("000.json") ? array(json.subList(0, 20))
          : file.endsWith("001.json") ? array(json.subList(20, json.size())) : "[]");
    }
    return Tarballs.write(dir.resolve("reuters.tgz"), entries);
  }

  @Test
  void readsTheWiresReadKeepsAsFieldsInTheSameOrder(@TempDir Path dir) throws IOException {
    Path tarball = fieldedTarball(dir);

    FieldedTexts fields = ReutersReader.readFields(tarball);
    LabelledTexts read = ReutersReader.read(tarball);

    assertEquals(Set.of("text", "title", "body"), fields.texts().keySet());
    assertEquals(Set.of("topic", "usa"), fields.labels().keySet());
    assertEquals(31, fields.size());
    assertEquals(read.texts(), fields.texts().get("text"));
    List<String> topics = IntStream.range(0, read.size())
        .mapToObj(i -> read.classNames().get(read.label(i))).toList();
    assertEquals(topics, fields.labels().get("topic"));
    // The kept wires: the 15 grain wires, then the 16 acq wires.
    List<Fields> kept = new ArrayList<>(fielded().subList(0, 15));
    kept.addAll(fielded().subList(29, 45));
    assertEquals(kept.stream().map(wire -> wire.topics().get(0)).toList(), topics);
    assertEquals(kept.stream().map(wire -> String.valueOf(wire.places() != null
        && wire.places().contains("usa"))).toList(), fields.labels().get("usa"));
    assertEquals(Set.of("true", "false"), Set.copyOf(fields.labels().get("usa")));
  }

  @Test
  void aMissingTitleOrBodyIsEmptyAndTheTextFallsBackAsReadDoes(@TempDir Path dir) throws IOException {
    FieldedTexts fields = ReutersReader.readFields(fieldedTarball(dir));

    List<String> titles = fields.texts().get("title");
    List<String> bodies = fields.texts().get("body");
    List<String> texts = fields.texts().get("text");
    int last = fields.size() - 1;
    assertEquals(List.of("ACQ TITLE ONLY", "ACQ BLANK BODY", "", ""), titles.subList(last - 3, last + 1));
    assertEquals(List.of("", "   ", "", "acq body only"), bodies.subList(last - 3, last + 1));
    assertEquals(List.of("ACQ TITLE ONLY", "ACQ BLANK BODY", "", "acq body only"),
        texts.subList(last - 3, last + 1));
    assertEquals(List.of("true", "false", "true", "false"),
        fields.labels().get("usa").subList(last - 3, last + 1));
    assertEquals("GRAIN 0", titles.get(0));
    assertEquals("grain body 0", bodies.get(0));
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
