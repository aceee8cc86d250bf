package dev.deepbuild.runtime.incremental;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.deepbuild.annotations.BuiltinDataset;
import dev.deepbuild.runtime.data.BuiltinSource;
import dev.deepbuild.runtime.data.CsvSource;
import dev.deepbuild.runtime.data.DataSource;
import dev.deepbuild.runtime.data.ImageSource;
import dev.deepbuild.runtime.data.TextSource;
import dev.deepbuild.runtime.datasets.DatasetCatalog;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DataDigestTest {
  @TempDir Path project;

  private String digest(DataSource source) throws IOException {
    return DataDigest.of(source, project, getClass().getClassLoader());
  }

  @Test
  void aCsvFileIsTheSha256OfItsBytes() throws Exception {
    Files.createDirectories(project.resolve("data"));
    Files.writeString(project.resolve("data/iris.csv"), "5.1,3.5,1.4,0.2,0\n");
    assertEquals("sha256:" + sha256("5.1,3.5,1.4,0.2,0\n"), digest(CsvSource.file("data/iris.csv")));
  }

  @Test
  void aClasspathResourceIsTheSha256OfItsBytes() throws Exception {
    Path classes = Files.createDirectories(project.resolve("classes/data"));
    Files.writeString(classes.resolve("table.csv"), "1,2,0\n");
    try (URLClassLoader loader = new URLClassLoader(new URL[] {project.resolve("classes").toUri().toURL()}, null)) {
      assertEquals("sha256:" + sha256("1,2,0\n"),
          DataDigest.of(CsvSource.resource("/data/table.csv"), project, loader));
      assertThrows(NoSuchFileException.class,
          () -> DataDigest.of(CsvSource.resource("data/none.csv"), project, loader));
    }
  }

  @Test
  void aBuiltinDatasetIsItsPinnedIntegrity() throws IOException {
    assertEquals(DatasetCatalog.IMDB.integrity().toString(), digest(BuiltinSource.of(BuiltinDataset.IMDB)));
  }

  @Test
  void aTextFileIsTheSha256OfItsBytes() throws Exception {
    Files.writeString(project.resolve("texts.json"), "[{\"text\": \"good\", \"label\": \"pos\"}]");
    assertEquals("sha256:" + sha256("[{\"text\": \"good\", \"label\": \"pos\"}]"),
        digest(TextSource.file("texts.json")));
  }

  @Test
  void aTextFolderIsDigestedByTheFilesItsReaderReads() throws IOException {
    Path folder = project.resolve("reviews");
    write(folder.resolve("pos/a.txt"), "good");
    write(folder.resolve("neg/b.txt"), "bad");
    String digest = digest(TextSource.folder("reviews"));

    // Files the reader skips: hidden ones, hidden folders, files beside the class folders.
    write(folder.resolve("README.md"), "about");
    write(folder.resolve("pos/.DS_Store"), "x");
    write(folder.resolve(".git/config"), "x");
    write(folder.resolve("neg/.cache/c.txt"), "x");
    assertEquals(digest, digest(TextSource.folder("reviews")));

    write(folder.resolve("neg/b.txt"), "worse");
    String changed = digest(TextSource.folder("reviews"));
    assertNotEquals(digest, changed);

    // The same bytes under another class is other data.
    Files.move(folder.resolve("neg/b.txt"), folder.resolve("pos/b.txt"));
    assertNotEquals(changed, digest(TextSource.folder("reviews")));
  }

  @Test
  void aMissingTextFolderCannotBeDigested() {
    assertThrows(NoSuchFileException.class, () -> digest(TextSource.folder("none")));
  }

  @Test
  void anImageFolderIsDigestedByTheImagesItsReaderReads() throws IOException {
    Path folder = project.resolve("pets");
    write(folder.resolve("cat/a.png"), "png bytes");
    write(folder.resolve("dog/b.jpg"), "jpeg bytes");
    ImageSource pets = ImageSource.folder("pets", 32, 32);
    String digest = digest(pets);

    // Files the reader skips: not images, hidden ones, files beside the class folders.
    write(folder.resolve("cat/notes.txt"), "x");
    write(folder.resolve("cat/.a.png"), "x");
    write(folder.resolve("cover.png"), "x");
    write(folder.resolve(".cache/c.png"), "x");
    assertEquals(digest, digest(pets));

    write(folder.resolve("dog/b.jpg"), "other jpeg bytes");
    String changed = digest(pets);
    assertNotEquals(digest, changed);
    Files.move(folder.resolve("dog/b.jpg"), folder.resolve("dog/c.jpg"));
    assertNotEquals(changed, digest(pets));
    assertThrows(NoSuchFileException.class, () -> digest(ImageSource.folder("none", 8, 8)));
  }

  private static void write(Path file, String text) throws IOException {
    Files.createDirectories(file.getParent());
    Files.writeString(file, text);
  }

  private static String sha256(String text) throws NoSuchAlgorithmException {
    return HexFormat.of().formatHex(
        MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
  }
}
