package dev.deepbuild.build.packaging;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.deepbuild.build.DeepBuildException;
import dev.deepbuild.build.gate.CheckOutcome;
import dev.deepbuild.build.result.ModelOutcome;
import dev.deepbuild.build.result.SessionResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelPackagingTest {
  @TempDir Path dir;
  private Path outputRoot;
  private Path classes;
  private final List<String> log = new ArrayList<>();
  private final List<String> warnings = new ArrayList<>();
  private ModelPackaging packaging;

  @BeforeEach
  void setUp() {
    outputRoot = dir.resolve("target/deepbuild");
    classes = dir.resolve("target/classes");
    packaging = new ModelPackaging(outputRoot, classes, log::add, warnings::add);
  }

  /** A model the processor compiled: its summary in the class output. */
  private void declare(String model) throws IOException {
    Path summary = classes.resolve("META-INF/deepbuild/" + model + "/summary.txt");
    Files.createDirectories(summary.getParent());
    Files.writeString(summary, "summary of " + model);
  }

  /** A model.zip as training saves it; packaging copies its bytes, whatever they are. */
  private byte[] save(String model, String content) throws IOException {
    Path file = outputRoot.resolve(model).resolve("model.zip");
    Files.createDirectories(file.getParent());
    Files.writeString(file, content);
    return Files.readAllBytes(file);
  }

  private Path packaged(String model) {
    return classes.resolve(ModelPackaging.resource(model));
  }

  private static ModelOutcome outcome(String model, boolean passed) {
    String message = model + ": test accuracy is 0.950 (minimum " + (passed ? "0.900" : "0.990") + ")";
    return new ModelOutcome(model, null, null,
        List.of(new CheckOutcome(null, 0.95, passed, "0.950", List.of(), message)));
  }

  private static SessionResult session(ModelOutcome... outcomes) {
    return SessionResult.of(List.of(outcomes));
  }

  @Test
  void theClassPathLocationIsTheModelsOwnFolder() {
    assertEquals("META-INF/deepbuild/iris/model.zip", ModelPackaging.resource("iris"));
  }

  @Test
  void aModelThatPassedIsCopiedIntoTheClassOutputWithNoTemporaryFileLeft() throws IOException {
    declare("iris");
    byte[] saved = save("iris", "trained");
    packaging.afterTraining(session(outcome("iris", true)));
    assertArrayEquals(saved, Files.readAllBytes(packaged("iris")));
    try (Stream<Path> files = Files.list(packaged("iris").getParent())) {
      assertEquals(List.of("model.zip", "summary.txt"),
          files.map(file -> file.getFileName().toString()).sorted().toList());
    }
    assertTrue(log.contains("iris: packaged as META-INF/deepbuild/iris/model.zip"), log.toString());
  }

  @Test
  void aModelThatMissedAThresholdIsNeverPackagedAndItsEarlierCopyIsRemoved() throws IOException {
    declare("iris");
    save("iris", "good");
    packaging.afterTraining(session(outcome("iris", true)));
    save("iris", "worse");
    packaging.afterTraining(session(outcome("iris", false)));
    assertFalse(Files.exists(packaged("iris")));
    assertEquals(List.of("iris: not packaged into the jar, because it missed a threshold"), warnings);
    // Nor does a later build without training take the model that missed for a good one.
    assertThrows(DeepBuildException.class, packaging::lastPassed);
    assertFalse(Files.exists(packaged("iris")));
  }

  @Test
  void anUpToDateModelThatPassesAgainStaysPackagedUntouched() throws IOException {
    declare("iris");
    save("iris", "trained once");
    packaging.afterTraining(session(outcome("iris", true)));
    FileTime later = FileTime.from(Files.getLastModifiedTime(outputRoot.resolve("iris/model.zip"))
        .toInstant().plusSeconds(60));
    Files.setLastModifiedTime(packaged("iris"), later);
    Object file = Files.readAttributes(packaged("iris"), BasicFileAttributes.class).fileKey();
    ModelOutcome reused = outcome("iris", true);
    packaging.afterTraining(session(new ModelOutcome("iris", null, null, reused.checks(), true)));
    assertEquals(later, Files.getLastModifiedTime(packaged("iris")));
    assertEquals(file, Files.readAttributes(packaged("iris"), BasicFileAttributes.class).fileKey());
  }

  @Test
  void aModelThatFailedIsNotPackaged() throws IOException {
    declare("iris");
    save("iris", "old");
    packaging.afterTraining(session(ModelOutcome.failed("iris", "iris: cannot read iris.csv")));
    assertFalse(Files.exists(packaged("iris")));
  }

  @Test
  void withoutTrainingTheLastModelThatPassedIsPackaged() throws IOException {
    declare("iris");
    byte[] saved = save("iris", "trained");
    packaging.afterTraining(session(outcome("iris", true)));
    Files.delete(packaged("iris"));
    packaging.lastPassed();
    assertArrayEquals(saved, Files.readAllBytes(packaged("iris")));
  }

  @Test
  void withoutTrainingAModelNeverTrainedFailsNamingItAndTheFix() throws IOException {
    declare("iris");
    declare("wine");
    save("wine", "trained");
    packaging.afterTraining(session(outcome("wine", true)));
    DeepBuildException e = assertThrows(DeepBuildException.class, packaging::lastPassed);
    assertTrue(e.getMessage().startsWith("iris: -Ddl.skip is set, but "), e.getMessage());
    assertTrue(e.getMessage().contains("mvn dl:train"), e.getMessage());
    assertFalse(e.getMessage().contains("wine"), e.getMessage());
    assertTrue(Files.exists(packaged("wine")));
  }

  @Test
  void aSavedModelReplacedAfterItPassedIsNotTakenForTheOneThatPassed() throws IOException {
    declare("iris");
    save("iris", "passed");
    packaging.afterTraining(session(outcome("iris", true)));
    // A later training that stopped before its verdict was recorded.
    save("iris", "retrained, unchecked");
    Files.delete(packaged("iris"));
    assertThrows(DeepBuildException.class, packaging::lastPassed);
    assertFalse(Files.exists(packaged("iris")));
  }

  @Test
  void aModelTheSessionDidNotSelectKeepsItsLastPassedModel() throws IOException {
    declare("iris");
    declare("wine");
    byte[] iris = save("iris", "iris passed");
    save("wine", "wine passed");
    packaging.afterTraining(session(outcome("iris", true), outcome("wine", true)));
    Files.delete(packaged("iris"));
    packaging.afterTraining(session(outcome("wine", true)));
    assertArrayEquals(iris, Files.readAllBytes(packaged("iris")));
  }

  @Test
  void thePackagedModelOfAModelThatNoLongerExistsIsRemoved() throws IOException {
    declare("iris");
    save("iris", "trained");
    packaging.afterTraining(session(outcome("iris", true)));
    // The class was deleted: the next compile left no summary of it.
    Files.delete(classes.resolve("META-INF/deepbuild/iris/summary.txt"));
    packaging.lastPassed();
    assertFalse(Files.exists(packaged("iris").getParent()));
    assertTrue(log.contains("iris: removed META-INF/deepbuild/iris/model.zip, since the build has"
        + " no such model"), log.toString());
  }

  @Test
  void aModelOfAnotherModuleInTheSessionIsNotPackagedHere() throws IOException {
    declare("iris");
    save("iris", "trained");
    save("other", "trained");
    packaging.afterTraining(session(outcome("iris", true), outcome("other", true)));
    assertTrue(Files.exists(packaged("iris")));
    assertFalse(Files.exists(packaged("other")));
  }

  @Test
  void packagedModelsAreInPlaceUntilOneIsRemovedOrTheSavedModelChanges() throws IOException {
    declare("good");
    declare("bad");
    save("good", "good weights");
    save("bad", "bad weights");
    SessionResult result = SessionResult.of(List.of(outcome("good", true), outcome("bad", false)));
    assertFalse(packaging.inPlace(result.verdict()));

    packaging.afterTraining(result);
    assertTrue(packaging.inPlace(result.verdict()));

    Files.delete(packaged("good"));
    assertFalse(packaging.inPlace(result.verdict()), "a removed packaged model is packaged again");
    packaging.afterTraining(result);
    assertTrue(packaging.inPlace(result.verdict()));

    save("good", "other weights, longer");
    assertFalse(packaging.inPlace(result.verdict()), "a packaged copy of another saved model");
    packaging.afterTraining(result);
    assertTrue(packaging.inPlace(result.verdict()));

    // Trained again to the same bytes: the saved model is newer than its packaged copy.
    Path saved = outputRoot.resolve("good/model.zip");
    Files.setLastModifiedTime(saved, FileTime.from(Files.getLastModifiedTime(packaged("good"))
        .toInstant().plusSeconds(10)));
    assertFalse(packaging.inPlace(result.verdict()));
    packaging.afterTraining(result);
    assertTrue(packaging.inPlace(result.verdict()), "packaging again makes it so, bytes unchanged");
  }
}
