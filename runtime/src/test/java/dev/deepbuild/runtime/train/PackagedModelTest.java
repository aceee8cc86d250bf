package dev.deepbuild.runtime.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.deepbuild.annotations.OutputMode;
import dev.deepbuild.runtime.InvalidInputException;
import dev.deepbuild.runtime.io.ModelMetadata;
import dev.deepbuild.runtime.predict.ClassPrediction;
import dev.deepbuild.runtime.predict.ExpectedModel;
import dev.deepbuild.runtime.predict.ModelInput;
import dev.deepbuild.runtime.predict.ModelMismatchException;
import dev.deepbuild.runtime.predict.PackagedModel;
import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Loading a saved model for prediction: from a jar's class path or a file, refused with a message
 * naming the model, the location and the fix when it is not the model the code expects, and
 * shared by threads that all get the single-threaded results.
 */
class PackagedModelTest {
  private static final ExpectedModel BLOBS = ExpectedModel.named("blobs").classification(3)
      .table(4);
  @TempDir static Path base;
  private static Path file;

  @BeforeAll
  static void train() throws IOException {
    file = SavedBlobs.train(base);
  }

  @Test
  void loadsTheModelPackagedAtItsClassPathLocationAsFromItsFile() throws IOException {
    Path jar = base.resolve("app.jar");
    try (FileSystem zip = FileSystems.newFileSystem(jar, Map.of("create", "true"))) {
      Path entry = zip.getPath(PackagedModel.location("blobs"));
      Files.createDirectories(entry.getParent());
      Files.copy(file, entry, StandardCopyOption.REPLACE_EXISTING);
    }
    assertEquals("META-INF/deepbuild/blobs/model.zip", PackagedModel.location("blobs"));
    try (URLClassLoader loader = new URLClassLoader(new URL[] {jar.toUri().toURL()}, null)) {
      PackagedModel packaged = PackagedModel.load(BLOBS, loader);
      ModelInput row = ModelInput.features(0.5, 12, 80, 51);
      assertEquals(PackagedModel.load(BLOBS, file).classify(row), packaged.classify(row));
      assertEquals(List.of("0", "1", "2"), packaged.classify(row).classes());
    }
  }

  @Test
  void aMissingClassPathModelNamesItsLocationAndTheFix() throws IOException {
    try (URLClassLoader empty = new URLClassLoader(new URL[0], null)) {
      ModelMismatchException missing = assertThrows(ModelMismatchException.class,
          () -> PackagedModel.load(BLOBS, empty));
      assertTrue(missing.getMessage().startsWith("blobs: there is no"
          + " META-INF/deepbuild/blobs/model.zip on the class path"), missing.getMessage());
      assertTrue(missing.getMessage().contains("mvn package"), missing.getMessage());
    }
    ModelMismatchException noFile = assertThrows(ModelMismatchException.class,
        () -> PackagedModel.load(BLOBS, base.resolve("nowhere/model.zip")));
    assertTrue(noFile.getMessage().contains("Run mvn dl:train first"), noFile.getMessage());
  }

  @Test
  void anotherModelsFileIsRefusedWithWhatDiffersAndTheFix() {
    assertMismatch(ExpectedModel.named("iris").classification(3).table(4),
        "iris: " + file + ", saved by DeepBuild ", "holds the model \"blobs\", not \"iris\"");
    assertMismatch(ExpectedModel.named("blobs").regression(), "blobs: ",
        "was trained for CLASSIFICATION, but the code expects REGRESSION");
    assertMismatch(ExpectedModel.named("blobs").classification(2), "blobs: ",
        "was trained on 3 classes [0, 1, 2], but the code expects 2");
    assertMismatch(ExpectedModel.named("blobs").classification(3).table(5), "blobs: ",
        "was trained on rows of 4 feature values, but the code expects rows of 5 feature values");
    assertMismatch(ExpectedModel.named("blobs").text(OutputMode.MULTI_HOT, 4, 0), "blobs: ",
        "was trained on rows of 4 feature values, but the code expects texts as 4 multi-hot"
            + " columns");
    assertMismatch(ExpectedModel.named("blobs").image(2, 2, 1), "blobs: ",
        "but the code expects 2x2 grayscale images");
  }

  @Test
  void aFileOfAnotherMetadataFormatIsRefusedByName() throws IOException {
    Path other = Files.createDirectories(base.resolve("other")).resolve("model.zip");
    Files.copy(file, other, StandardCopyOption.REPLACE_EXISTING);
    try (FileSystem zip = FileSystems.newFileSystem(URI.create("jar:" + other.toUri()), Map.of())) {
      Files.writeString(zip.getPath(ModelMetadata.ENTRY), "{\"format\": 99, \"deepbuild\": \"9.0\"}",
          StandardCharsets.UTF_8);
    }
    ModelMismatchException refused = assertThrows(ModelMismatchException.class,
        () -> PackagedModel.load(BLOBS, other));
    assertTrue(refused.getMessage().startsWith("blobs: " + other + " cannot be read"),
        refused.getMessage());
    assertTrue(refused.getMessage().contains("format is 99 (written by DeepBuild 9.0)"),
        refused.getMessage());
    assertTrue(refused.getMessage().endsWith("Train it again with mvn dl:train, which saves "
        + other + " from the model's current class."), refused.getMessage());
  }

  @Test
  void aRowByColumnNamesIsTheRowInTheNetworksOrder() {
    PackagedModel model = PackagedModel.load(BLOBS, file);
    ClassPrediction byName = model.classify(ModelInput.columns(Map.of("f3", 51.0, "f1", 12.0,
        "f0", 0.5, "f2", 80.0)));
    assertEquals(model.classify(ModelInput.features(0.5, 12, 80, 51)), byName);
    assertArrayEquals(model.outputs(List.of(ModelInput.features(0.5, 12, 80, 51)))[0],
        byName.probabilities());

    InvalidInputException misspelled = assertThrows(InvalidInputException.class,
        () -> model.classify(ModelInput.columns(Map.of("f00", 1.0))));
    assertEquals("blobs: \"f00\" is none of the model's feature columns [f0, f1, f2, f3]."
        + " Did you mean f0?", misspelled.getMessage());
    InvalidInputException missing = assertThrows(InvalidInputException.class,
        () -> model.classify(ModelInput.columns(Map.of("f0", 1.0))));
    assertEquals("blobs: the row has no value for the column \"f1\"; the model takes"
        + " [f0, f1, f2, f3].", missing.getMessage());
  }

  @Test
  void inputsOfAnotherKindOrWidthAreRefusedWithWhatTheModelTakes() {
    PackagedModel model = PackagedModel.load(BLOBS, file);
    InvalidInputException text = assertThrows(InvalidInputException.class,
        () -> model.classify(ModelInput.text("a review")));
    assertEquals("blobs: was given a text, but the model takes rows of 4 feature values"
        + " (f0, f1, f2, f3): predict(double...) or predict(Map<String, Double>).",
        text.getMessage());
    InvalidInputException narrow = assertThrows(InvalidInputException.class,
        () -> model.classify(ModelInput.features(1, 2, 3)));
    assertTrue(narrow.getMessage().startsWith("blobs: a row has 3 feature values, but the model"
        + " takes rows of 4"), narrow.getMessage());
    InvalidInputException value = assertThrows(InvalidInputException.class,
        () -> model.regress(ModelInput.features(1, 2, 3, 4)));
    assertEquals("blobs: the model is trained for CLASSIFICATION, so it predicts classes, not"
        + " values: use classify.", value.getMessage());
  }

  @Test
  void threadsSharingOneModelGetTheSingleThreadedOutputs() throws Exception {
    PackagedModel model = PackagedModel.load(BLOBS, file);
    List<ModelInput> rows = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      rows.add(ModelInput.features(i % 7, 10 * (i % 5), 100 * (i % 3), 50 + i % 4));
    }
    List<double[]> alone = new ArrayList<>();
    for (ModelInput row : rows) {
      alone.add(model.outputs(List.of(row))[0]);
    }
    double[][] batch = model.outputs(rows);
    ExecutorService threads = Executors.newFixedThreadPool(8);
    try {
      List<Future<?>> runs = new ArrayList<>();
      for (int t = 0; t < 8; t++) {
        int offset = t;
        runs.add(threads.submit(() -> {
          for (int round = 0; round < 25; round++) {
            int i = (offset * 7 + round) % rows.size();
            assertArrayEquals(alone.get(i), model.outputs(List.of(rows.get(i)))[0], "row " + i);
            if (round % 5 == 0) {
              assertArrayEquals(batch, model.outputs(rows), "every row in one batch");
            }
          }
          return null;
        }));
      }
      for (Future<?> run : runs) {
        run.get();
      }
    } finally {
      threads.shutdownNow();
    }
  }

  private static void assertMismatch(ExpectedModel expected, String start, String what) {
    ModelMismatchException refused = assertThrows(ModelMismatchException.class,
        () -> PackagedModel.load(expected, file));
    assertTrue(refused.getMessage().startsWith(start), refused.getMessage());
    assertTrue(refused.getMessage().contains(what), refused.getMessage());
    assertTrue(refused.getMessage().endsWith("Train it again with mvn dl:train, which saves "
        + file + " from the model's current class."), refused.getMessage());
  }
}
