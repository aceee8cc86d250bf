package dev.deepbuild.runtime.datasets.read;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.deepbuild.runtime.InvalidInputException;
import dev.deepbuild.runtime.data.TextSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TextDataReaderTest {
  @TempDir Path base;

  private LabelledTexts read(TextSource source) {
    return new TextDataReader(base).read("reviews", source);
  }

  private String failure(TextSource source) {
    return assertThrows(InvalidInputException.class, () -> read(source)).getMessage();
  }

  private Path write(String name, String content) throws IOException {
    Path file = base.resolve(name);
    Files.createDirectories(file.getParent());
    Files.writeString(file, content);
    return file;
  }

  private static void assertContains(String message, String... parts) {
    for (String part : parts) {
      assertTrue(message.contains(part), () -> "expected \"" + part + "\" in: " + message);
    }
  }

  @Test
  void aFolderHasAClassPerSubFolderInNameOrderAndATextPerFile() throws IOException {
    write("data/pos/b.txt", "Loved it");
    write("data/pos/a.txt", "Great\nfilm");
    write("data/pos/2019/c.txt", "nested too");
    write("data/neg/x.txt", "Boring");
    write("data/neg/.DS_Store", "hidden file");
    write("data/.hidden/y.txt", "hidden class");
    write("data/pos/.git/z.txt", "inside a hidden folder");
    write("data/README.md", "not a class");
    LabelledTexts texts = read(TextSource.folder("data"));
    assertEquals(List.of("neg", "pos"), texts.classNames());
    assertEquals(List.of("Boring", "nested too", "Great\nfilm", "Loved it"), texts.texts());
    assertArrayEquals(new int[] {0, 1, 1, 1}, texts.labels());
  }

  @Test
  void aFolderWithoutClassFoldersOrWithAnEmptyClassSaysHowToLayItOut() throws IOException {
    write("flat/a.txt", "text");
    assertContains(failure(TextSource.folder("flat")), "reviews: the text folder " + base.resolve("flat")
        + " has no class folders", "sub-folder named by the class");
    write("empty/pos/a.txt", "text");
    Files.createDirectories(base.resolve("empty/neg"));
    assertContains(failure(TextSource.folder("empty")),
        "the class folder " + base.resolve("empty/neg") + " holds no text files");
  }

  @Test
  void aFileThatIsNotUtf8IsNamed() throws IOException {
    write("data/pos/a.txt", "fine");
    Files.write(base.resolve("data/pos/latin1.txt"), new byte[] {'c', 'a', 'f', (byte) 0xE9});
    assertContains(failure(TextSource.folder("data")),
        "the text file " + base.resolve("data/pos/latin1.txt") + " is not UTF-8 text. Save it as UTF-8");
  }

  @Test
  void aMissingFolderOrFileNamesThePathTriedAndTheFix() throws IOException {
    assertContains(failure(TextSource.folder("nowhere")), "reviews: the text folder nowhere does not"
        + " exist: " + base.resolve("nowhere") + " was tried", "@TextData(folder = ...)",
        "relative to the project base directory " + base);
    assertContains(failure(TextSource.file("nothing.csv")), "the text file nothing.csv does not exist",
        "@TextData(file = ...)");
    write("file.csv", "text,label\n");
    assertContains(failure(TextSource.folder("file.csv")), "is a file, not a folder",
        "@TextData(file = ...)");
    Files.createDirectories(base.resolve("dir.csv"));
    assertContains(failure(TextSource.file("dir.csv")), "is a folder", "@TextData(folder = ...)");
    write("texts.txt", "x");
    assertContains(failure(TextSource.file("texts.txt")), "neither a .csv nor a .json file");
  }

  @Test
  void aCsvFileFindsItsColumnsByNameAndQuotedTextsSpanLines() throws IOException {
    write("t.csv", "id,label,body\n"
        + "1,pos,\"Great, truly great.\nWould watch again.\"\n"
        + "2,neg,\"He said \"\"meh\"\"\"\r\n"
        + "3,pos,fine\n");
    LabelledTexts texts = read(TextSource.file("t.csv").fields("body", "label"));
    assertEquals(List.of("Great, truly great.\nWould watch again.", "He said \"meh\"", "fine"), texts.texts());
    assertEquals(List.of("neg", "pos"), texts.classNames());
    assertArrayEquals(new int[] {1, 0, 1}, texts.labels());
  }

  @Test
  void aCsvFileWithoutTheFieldNamesTheColumnsItHas() throws IOException {
    write("t.csv", "review,sentiment\nok,pos\n");
    assertContains(failure(TextSource.file("t.csv")), "reviews: the text file " + base.resolve("t.csv")
        + " has no column 'text'; its header names [review, sentiment]. Set @TextData(textField = ...)");
    assertContains(failure(TextSource.file("t.csv").fields("review", "label")),
        "no column 'label'", "@TextData(labelField = ...)");
  }

  @Test
  void aBrokenCsvRowNamesItsLine() throws IOException {
    write("ragged.csv", "text,label\n\"a\",pos\nb,c,neg\n");
    assertContains(failure(TextSource.file("ragged.csv")), "line 3 has 3 values but the header has 2");
    write("open.csv", "text,label\n\"never closed,pos\n");
    assertContains(failure(TextSource.file("open.csv")), "line 2: a quoted value is not closed");
    write("nolabel.csv", "text,label\nfine,\n");
    assertContains(failure(TextSource.file("nolabel.csv")), "line 2 has no label in column 'label'");
    write("header.csv", "text,label\n");
    assertContains(failure(TextSource.file("header.csv")), "has no rows below its header");
  }

  @Test
  void aJsonFileIsAnArrayOfObjectsWithStringTextsAndAnyScalarLabel() throws IOException {
    write("t.json", "[{\"text\": \"Great!\", \"label\": 1, \"id\": 7},\n"
        + " {\"label\": 0, \"text\": \"Bad\\nreally\"},\n"
        + " {\"text\": \"So-so\", \"label\": \" 1 \", \"meta\": {\"x\": [1]}}]");
    LabelledTexts texts = read(TextSource.file("t.json"));
    assertEquals(List.of("Great!", "Bad\nreally", "So-so"), texts.texts());
    assertEquals(List.of("0", "1"), texts.classNames());
    assertArrayEquals(new int[] {1, 0, 1}, texts.labels());
  }

  @Test
  void aJsonObjectWithoutTheFieldNamesItsIndexAndFields() throws IOException {
    write("t.json", "[{\"text\": \"ok\", \"label\": \"a\"}, {\"review\": \"x\", \"label\": \"b\"}]");
    assertContains(failure(TextSource.file("t.json")), "reviews: the text file " + base.resolve("t.json")
        + ", object 1 of the array has no string field 'text'; its fields are [review, label]."
        + " Set @TextData(textField = ...)");
    write("n.json", "[{\"text\": 5, \"label\": \"a\"}]");
    assertContains(failure(TextSource.file("n.json")), "object 0 of the array has no string field 'text'");
    write("l.json", "[{\"text\": \"x\", \"label\": null}]");
    assertContains(failure(TextSource.file("l.json")), "has no string, number or boolean field 'label'");
  }

  @Test
  void aJsonFileOfAnotherShapeSaysWhatShapeItNeeds() throws IOException {
    write("o.json", "{\"text\": \"x\", \"label\": \"a\"}");
    assertContains(failure(TextSource.file("o.json")), "is not a JSON array of objects: expected a JSON"
        + " array of objects at line 1, column 1", "[{\"text\": \"...\", \"label\": \"...\"}, ...]");
    write("cut.json", "[{\"text\": \"x\", \"label\": \"a\"}, {\"text\": ");
    assertContains(failure(TextSource.file("cut.json")), "is not a JSON array of objects");
    write("empty.json", "[]");
    assertContains(failure(TextSource.file("empty.json")), "holds an empty array");
  }
}
