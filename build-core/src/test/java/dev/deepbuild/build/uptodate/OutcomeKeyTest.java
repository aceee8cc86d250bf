package dev.deepbuild.build.uptodate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.deepbuild.build.fork.ForkGoal;
import dev.deepbuild.build.fork.ForkOptions;
import dev.deepbuild.build.fork.ForkRequest;
import dev.deepbuild.build.result.ModelOutcome;
import dev.deepbuild.build.result.SessionResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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

  private OutcomeKey key() throws IOException {
    ForkRequest request = new ForkRequest(ForkGoal.TRAIN, project, project.resolve("target/deepbuild"),
        List.of(), false, project.resolve("target/deepbuild/fork/result.json"))
        .withClassesDirectory(classes);
    ForkOptions options = new ForkOptions(Path.of(System.getProperty("java.home"), "bin", "java"),
        List.of(), List.of(classes, jar), Map.of("OMP_NUM_THREADS", "1"), project);
    return OutcomeKey.inputs(request, options, Map.of("HOME", "/root"), List.of()).orElseThrow()
        .withSavedFiles(classes, project.resolve("target/deepbuild"));
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

    assertEquals(Optional.empty(), OutcomeKey.inputs(request, options, Map.of(), List.of()));
  }

  @Test
  void storedResultStandsUnderItsKeyOnly() throws IOException {
    Path file = StoredOutcome.fileIn(project.resolve("target/deepbuild/fork"));
    SessionResult result = SessionResult.of(List.of(new ModelOutcome("flowers", null, null, List.of())));
    StoredOutcome.store(file, key(), result);

    List<String> changes = new ArrayList<>();
    SessionResult reused = StoredOutcome.reuse(file, key(), changes).orElseThrow();
    assertTrue(reused.models().get(0).upToDate());
    assertEquals(List.of(), changes);

    Files.writeString(data, "6.0,3.5,0\n");
    assertFalse(StoredOutcome.reuse(file, key(), changes).isPresent());
    assertEquals(List.of("data " + data), changes);

    StoredOutcome.forget(file);
    StoredOutcome.store(file, key(), SessionResult.failed("the download failed"));
    assertFalse(Files.exists(file), "an error may not happen again: the next build forks");
  }
}
