package dev.deepbuild.runtime.incremental;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RuntimeCodeTest {
  @TempDir Path folder;

  @Test
  void theRuntimesOwnClassesAreDigested() {
    assertTrue(RuntimeCode.digest().matches("sha256:[0-9a-f]{64}"), RuntimeCode.digest());
  }

  @Test
  void aClassesDirectoryChangesWithItsClassFilesOnly() throws IOException {
    Path classes = Files.createDirectories(folder.resolve("classes/dev/x"));
    Files.write(classes.resolve("A.class"), new byte[] {1, 2, 3});
    Files.writeString(classes.resolve("notes.txt"), "one");
    String before = RuntimeCode.digestOf(folder.resolve("classes"));

    Files.writeString(classes.resolve("notes.txt"), "two");
    Files.setLastModifiedTime(classes.resolve("A.class"), FileTime.fromMillis(0));
    assertEquals(before, RuntimeCode.digestOf(folder.resolve("classes")));

    Files.write(classes.resolve("A.class"), new byte[] {1, 2, 4});
    assertNotEquals(before, RuntimeCode.digestOf(folder.resolve("classes")));
  }

  @Test
  void aRebuiltJarOfTheSameClassesIsTheSameCode() throws IOException {
    Path first = jar("first.jar", 1_000_000L, Map.of("dev/x/A.class", new byte[] {1, 2, 3},
        "META-INF/MANIFEST.MF", "Built: monday".getBytes()));
    Path rebuilt = jar("rebuilt.jar", 2_000_000L, Map.of("dev/x/A.class", new byte[] {1, 2, 3},
        "META-INF/MANIFEST.MF", "Built: tuesday".getBytes()));
    Path changed = jar("changed.jar", 1_000_000L, Map.of("dev/x/A.class", new byte[] {1, 2, 4}));

    assertEquals(RuntimeCode.digestOf(first), RuntimeCode.digestOf(rebuilt));
    assertNotEquals(RuntimeCode.digestOf(first), RuntimeCode.digestOf(changed));
  }

  @Test
  void anUnknownLocationIsUnknown() {
    assertEquals(RuntimeVersions.UNKNOWN, RuntimeCode.digestOf(null));
    assertEquals(RuntimeVersions.UNKNOWN, RuntimeCode.digestOf(folder.resolve("missing.jar")));
  }

  private Path jar(String name, long time, Map<String, byte[]> entries) throws IOException {
    Path jar = folder.resolve(name);
    try (OutputStream out = Files.newOutputStream(jar); ZipOutputStream zip = new ZipOutputStream(out)) {
      for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
        ZipEntry zipEntry = new ZipEntry(entry.getKey());
        zipEntry.setTime(time);
        zip.putNextEntry(zipEntry);
        zip.write(entry.getValue());
        zip.closeEntry();
      }
    }
    return jar;
  }
}
