package dev.deepbuild.build.uptodate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.deepbuild.build.fork.ForkGoal;
import dev.deepbuild.build.fork.ForkOptions;
import dev.deepbuild.build.fork.ForkRequest;
import dev.deepbuild.build.result.ModelOutcome;
import dev.deepbuild.build.result.SessionResult;
import dev.deepbuild.build.result.SessionVerdict;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What makes a stored training result stand or fall, on a project laid out as Maven's. */
class OutcomeKeyTest {
  @TempDir Path project;
  private Path classes;
  private Path jar;
  private Path data;

  @BeforeEach
  void setUp() throws IOException {
    classes = project.resolve("target/classes");
    Files.createDirectories(classes.resolve("META-INF/deepbuild/flowers"));
    Files.writeString(classes.resolve("META-INF/deepbuild/flowers/summary.txt"), "table");
    Files.writeString(classes.resolve("META-INF/deepbuild/flowers/reads.txt"), "file data/flowers.csv\n");
    Files.writeString(classes.resolve("Flowers.class"), "code");
    data = project.resolve("data/flowers.csv");
    Files.createDirectories(data.getParent());
    Files.writeString(data, "5.1,3.5,0\n");
    jar = project.resolve("runtime.jar");
    Files.writeString(jar, "jar");
  }

  /** The key as a build takes it, its digests remembered, so that each test sees them see a change. */
  private OutcomeKey key() throws IOException {
    ContentDigests digests =
        ContentDigests.rememberedIn(project.resolve("target/deepbuild/fork/digests.txt"));
    ForkRequest request = new ForkRequest(ForkGoal.TRAIN, project, project.resolve("target/deepbuild"),
        List.of(), false, project.resolve("target/deepbuild/fork/result.json"))
        .withClassesDirectory(classes);
    ForkOptions options = new ForkOptions(Path.of(System.getProperty("java.home"), "bin", "java"),
        List.of(), List.of(classes, jar), Map.of("OMP_NUM_THREADS", "1"), project);
    OutcomeKey key = OutcomeKey.inputs(request, options, Map.of("HOME", "/root"), List.of(), digests)
        .orElseThrow().withSavedFiles(classes, project.resolve("target/deepbuild"));
    digests.save();
    return key;
  }

  @Test
  void unchangedProjectKeepsItsKeyAndRecompiledSameClassesToo() throws IOException {
    OutcomeKey before = key();
    Files.writeString(classes.resolve("Flowers.class"), "code");
    Files.createDirectories(classes.resolve("META-INF/deepbuild/flowers"));
    // Packaging's copy is an output, not an input.
    Files.writeString(classes.resolve("META-INF/deepbuild/flowers/model.zip"), "packaged");

    assertEquals(List.of(), key().changedFrom(before));
  }

  @Test
  void dataEditedToTheSameSizeChangesTheKey() throws IOException {
    OutcomeKey before = key();
    Files.writeString(data, "5.0,3.5,0\n");

    assertEquals(List.of("data " + data), key().changedFrom(before));
  }

  @Test
  void changedClassJarOrSavedModelChangesTheKey() throws IOException {
    OutcomeKey before = key();
    Files.writeString(classes.resolve("Flowers.class"), "other code");
    assertTrue(key().changedFrom(before).get(0).startsWith("classpath 000 "));

    before = key();
    Files.setLastModifiedTime(jar, FileTime.fromMillis(Files.getLastModifiedTime(jar).toMillis() + 5000));
    assertTrue(key().changedFrom(before).get(0).startsWith("classpath 001 "));

    before = key();
    Path saved = project.resolve("target/deepbuild/flowers/model.zip");
    Files.createDirectories(saved.getParent());
    Files.writeString(saved, "weights");
    assertEquals(List.of("saved flowers/model.zip"), key().changedFrom(before));
  }

  @Test
  void dataThatCodeMakesHasNoKey() throws IOException {
    Files.writeString(classes.resolve("META-INF/deepbuild/flowers/reads.txt"), "unknown it.Provider\n");
    ForkRequest request = new ForkRequest(ForkGoal.TRAIN, project, project.resolve("target/deepbuild"),
        List.of(), false, project.resolve("result.json")).withClassesDirectory(classes);
    ForkOptions options = new ForkOptions(Path.of(System.getProperty("java.home"), "bin", "java"),
        List.of(), List.of(classes), Map.of(), project);

    assertEquals(Optional.empty(),
        OutcomeKey.inputs(request, options, Map.of(), List.of(), ContentDigests.none()));
  }

  @Test
  void storedResultStandsUnderItsKeyOnly() throws IOException {
    Path file = StoredOutcome.fileIn(project.resolve("target/deepbuild/fork"));
    SessionResult result = SessionResult.of(List.of(new ModelOutcome("flowers", null, null, List.of())));
    StoredOutcome.store(file, key(), result);

    List<String> changes = new ArrayList<>();
    SessionVerdict reused = StoredOutcome.reuse(file, key(), changes).orElseThrow();
    assertTrue(reused.models().get(0).upToDate());
    assertEquals(List.of(), changes);
    assertTrue(StoredOutcome.result(file, key()).orElseThrow().models().get(0).upToDate());

    Files.writeString(data, "6.0,3.5,0\n");
    assertFalse(StoredOutcome.reuse(file, key(), changes).isPresent());
    assertEquals(List.of("data " + data), changes);

    StoredOutcome.forget(file);
    StoredOutcome.store(file, key(), SessionResult.failed("the download failed"));
    assertFalse(Files.exists(file), "an error may not happen again: the next build forks");
  }

  @Test
  void digestIsTheKeysAndOnlyTheKeys() throws IOException {
    assertEquals(key().digest(), key().digest());
    String before = key().digest();
    Files.writeString(data, "5.0,3.5,0\n");
    assertNotEquals(before, key().digest());
    // Names and values are delimited: moving a character from one to the other is a change.
    assertNotEquals(new OutcomeKey(new TreeMap<>(Map.of("ab", "c"))).digest(),
        new OutcomeKey(new TreeMap<>(Map.of("a", "bc"))).digest());
  }

  @Test
  void upToDateBuildReadsTheVerdictAloneAndTheFullResultOnlyToNameChanges() throws IOException {
    Path file = StoredOutcome.fileIn(project.resolve("target/deepbuild/fork"));
    StoredOutcome.store(file, key(), SessionResult.of(List.of(
        new ModelOutcome("flowers", null, null, List.of()))));
    // The verdict's digest matches: the full result is not read, so even a damaged one is no matter.
    Files.writeString(file, "{ damaged");
    List<String> changes = new ArrayList<>();
    assertEquals("flowers", StoredOutcome.reuse(file, key(), changes).orElseThrow()
        .models().get(0).model());
    assertEquals(Optional.empty(), StoredOutcome.result(file, key()),
        "the reports cannot be written again from a damaged result: the fork decides");

    StoredOutcome.store(file, key(), SessionResult.of(List.of(
        new ModelOutcome("flowers", null, null, List.of()))));
    Files.writeString(data, "6.0,3.5,0\n");
    assertFalse(StoredOutcome.reuse(file, key(), changes).isPresent());
    assertEquals(List.of("data " + data), changes, "named from the full result");

    StoredOutcome.forget(file);
    assertFalse(Files.exists(file));
    assertFalse(Files.exists(file.resolveSibling("outcome-verdict.txt")));
  }

  @Test
  void damagedVerdictFallsBackToTheFullResult() throws IOException {
    Path file = StoredOutcome.fileIn(project.resolve("target/deepbuild/fork"));
    StoredOutcome.store(file, key(), SessionResult.of(List.of(
        new ModelOutcome("flowers", null, null, List.of()))));
    Path verdict = file.resolveSibling("outcome-verdict.txt");
    for (String damaged : List.of("", "deepbuild verdict 1\nkey\tsha256:0\ncheck\tpassed\tno model\n",
        "deepbuild verdict 1\nkey\t" + key().digest() + "\nmodel\tflowers\tfast\n")) {
      Files.writeString(verdict, damaged);
      List<String> changes = new ArrayList<>();
      assertTrue(StoredOutcome.reuse(file, key(), changes).isPresent(), damaged);
      assertEquals(List.of(), changes);
    }
    Files.write(verdict, new byte[] {(byte) 0xff, (byte) 0xfe});
    assertTrue(StoredOutcome.reuse(file, key(), new ArrayList<>()).isPresent(), "not UTF-8");
  }
}
