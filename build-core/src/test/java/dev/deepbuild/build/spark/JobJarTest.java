package dev.deepbuild.build.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;
import java.util.zip.ZipEntry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How a class path merges into one job jar: services joined, signatures dropped, first wins. */
class JobJarTest {
  @TempDir Path dir;

  @Test
  void mergesServicesDropsSignaturesAndKeepsTheFirstOfOtherDuplicates() throws IOException {
    Path classes = dir.resolve("classes");
    write(classes.resolve("it/Model.class"), "project's");
    write(classes.resolve("META-INF/deepbuild/models"), "it.DeepBuild_Model\n");
    write(classes.resolve("META-INF/services/a.Service"), "it.Own");
    Path first = jar("first.jar", Map.of(
        "META-INF/MANIFEST.MF", "Manifest-Version: 1.0\nMain-Class: other.Main\n",
        "META-INF/services/a.Service", "lib.First\n",
        "META-INF/FIRST.SF", "signature", "META-INF/FIRST.RSA", "key",
        "META-INF/deepbuild/models", "lib.DeepBuild_Other\n",
        "lib/Shared.class", "first"));
    Path second = jar("second.jar", Map.of(
        "META-INF/services/a.Service", "lib.Second\n",
        "META-INF/services/b.Other", "lib.B\n",
        "META-INF/SIG-ONE", "sig",
        "lib/Shared.class", "second",
        "lib/Own.class", "own"));

    Path target = dir.resolve("out/job.jar");
    JobJar.Summary summary = JobJar.write(target, List.of(classes, first, second, dir.resolve("absent")),
        Spark.JOB_MAIN_CLASS);

    assertEquals(1, summary.services());
    assertEquals(3, summary.signatures());
    assertEquals(2, summary.duplicates());
    assertEquals(List.of("META-INF/deepbuild/models", "lib/Shared.class"), summary.firstDuplicates());
    try (JarFile jar = new JarFile(target.toFile())) {
      assertEquals(Spark.JOB_MAIN_CLASS,
          jar.getManifest().getMainAttributes().get(Attributes.Name.MAIN_CLASS));
      assertEquals("it.Own\nlib.First\nlib.Second\n", text(jar, "META-INF/services/a.Service"));
      assertEquals("lib.B\n", text(jar, "META-INF/services/b.Other"));
      assertEquals("it.DeepBuild_Model\n", text(jar, "META-INF/deepbuild/models"));
      assertEquals("project's", text(jar, "it/Model.class"));
      assertEquals("first", text(jar, "lib/Shared.class"));
      assertEquals("own", text(jar, "lib/Own.class"));
      assertNull(jar.getEntry("META-INF/FIRST.SF"));
      assertNull(jar.getEntry("META-INF/FIRST.RSA"));
      assertNull(jar.getEntry("META-INF/SIG-ONE"));
      assertTrue(jar.getEntry("it/").isDirectory());
    }
    assertEquals(List.of(target), Files.list(target.getParent()).toList(), "no temporary file left");
  }

  @Test
  void theSameClassPathGivesTheSameBytes() throws IOException {
    Path classes = dir.resolve("classes");
    write(classes.resolve("it/Model.class"), "project's");
    Path lib = jar("lib.jar", Map.of("lib/A.class", "a"));
    Path one = dir.resolve("one.jar");
    Path two = dir.resolve("two.jar");
    JobJar.write(one, List.of(classes, lib), "m.Main");
    JobJar.write(two, List.of(classes, lib), "m.Main");
    assertArrayEquals(Files.readAllBytes(one), Files.readAllBytes(two));
  }

  @Test
  void anUnchangedClassPathKeepsTheJarAndAChangedOneWritesItAgain() throws IOException {
    Path classes = dir.resolve("classes");
    write(classes.resolve("it/Model.class"), "project's");
    Path lib = jar("lib.jar", Map.of("lib/A.class", "a"));
    Path target = dir.resolve("job.jar");
    assertFalse(JobJar.write(target, List.of(classes, lib), "m.Main").reused());
    assertTrue(JobJar.write(target, List.of(classes, lib), "m.Main").reused());

    write(classes.resolve("it/Model.class"), "recompiled");
    JobJar.Summary again = JobJar.write(target, List.of(classes, lib), "m.Main");
    assertFalse(again.reused());
    try (JarFile jar = new JarFile(target.toFile())) {
      assertEquals("recompiled", text(jar, "it/Model.class"));
    }
    assertFalse(JobJar.write(target, List.of(classes), "m.Main").reused(), "a jar left the class path");
  }

  @Test
  void signaturesAreTheJarsOwnOnly() {
    assertTrue(JobJar.isSignature("META-INF/BC1024KE.SF"));
    assertTrue(JobJar.isSignature("META-INF/bc.dsa"));
    assertTrue(JobJar.isSignature("META-INF/X.EC"));
    assertFalse(JobJar.isSignature("META-INF/versions/9/X.SF"));
    assertFalse(JobJar.isSignature("META-INF/LICENSE"));
    assertFalse(JobJar.isSignature("a/B.RSA"));
  }

  private Path jar(String name, Map<String, String> entries) throws IOException {
    Path file = dir.resolve(name);
    try (OutputStream out = Files.newOutputStream(file); JarOutputStream jar = new JarOutputStream(out)) {
      for (Map.Entry<String, String> entry : new java.util.TreeMap<>(entries).entrySet()) {
        jar.putNextEntry(new ZipEntry(entry.getKey()));
        jar.write(entry.getValue().getBytes(StandardCharsets.UTF_8));
        jar.closeEntry();
      }
    }
    return file;
  }

  private static void write(Path file, String text) throws IOException {
    Files.createDirectories(file.getParent());
    Files.writeString(file, text);
  }

  private static String text(JarFile jar, String name) throws IOException {
    return new String(jar.getInputStream(jar.getEntry(name)).readAllBytes(), StandardCharsets.UTF_8);
  }
}
