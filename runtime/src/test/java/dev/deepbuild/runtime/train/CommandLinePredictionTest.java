package dev.deepbuild.runtime.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.deepbuild.runtime.InvalidInputException;
import dev.deepbuild.runtime.predict.CommandLinePrediction;
import dev.deepbuild.runtime.predict.ExpectedModel;
import dev.deepbuild.runtime.predict.ModelInput;
import dev.deepbuild.runtime.predict.ModelMismatchException;
import dev.deepbuild.runtime.predict.PackagedModel;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code dl:predict}'s input: a row or text given as it is, or a file of them, a line each. */
class CommandLinePredictionTest {
  @TempDir static Path base;
  private static Path file;

  @BeforeAll
  static void train() throws IOException {
    file = SavedBlobs.train(base);
  }

  @Test
  void theSavedModelIsReadUntilOneIsPackagedIntoTheClasses() throws IOException {
    Path classes = base.resolve("target/classes");
    assertEquals(file, CommandLinePrediction.modelFile(classes, base.resolve("target/deepbuild"),
        "blobs"));
    Path packaged = classes.resolve("META-INF/deepbuild/blobs/model.zip");
    Files.createDirectories(packaged.getParent());
    Files.copy(file, packaged);
    assertEquals(packaged, CommandLinePrediction.modelFile(classes,
        base.resolve("target/deepbuild"), "blobs"));
  }

  @Test
  void aRowGivenAsItIsPredictsItsClass() {
    String expected = PackagedModel.load(ExpectedModel.named("blobs"), file)
        .classify(ModelInput.features(0.5, 12, 80, 51)).describe();
    assertEquals(List.of(expected),
        CommandLinePrediction.predict(file, "blobs", "0.5, 12, 80, 51", base));
    assertTrue(expected.matches("[012] \\(\\d\\.\\d{4}\\)"), expected);
  }

  @Test
  void aFileOfTrainingRowsPredictsEachSkippingItsHeaderAndLabels() throws IOException {
    List<String> lines = Files.readAllLines(base.resolve("blobs.csv"));
    Files.write(base.resolve("rows.csv"), List.of(lines.get(0), lines.get(1), "", lines.get(2)));
    PackagedModel model = PackagedModel.load(ExpectedModel.named("blobs"), file);
    List<String> predicted = CommandLinePrediction.predict(file, "blobs", "rows.csv", base);
    assertEquals(2, predicted.size());
    String[] cells = lines.get(2).split(",");
    assertEquals(model.classify(ModelInput.features(Double.parseDouble(cells[0]),
        Double.parseDouble(cells[1]), Double.parseDouble(cells[2]),
        Double.parseDouble(cells[3]))).describe(), predicted.get(1));
  }

  @Test
  void badInputIsRefusedWithWhatTheModelTakes() {
    InvalidInputException narrow = assertThrows(InvalidInputException.class,
        () -> CommandLinePrediction.predict(file, "blobs", "1, 2", base));
    assertEquals("blobs: the row \"1, 2\" has 2 values, but the model takes 4 feature values or a"
        + " row of the training table's 5 columns, separated by ','.", narrow.getMessage());
    InvalidInputException text = assertThrows(InvalidInputException.class,
        () -> CommandLinePrediction.predict(file, "blobs", "1, 2, x, 4", base));
    assertEquals("blobs: the row \"1, 2, x, 4\" has \"x\" where a finite number must be; fix the"
        + " value.", text.getMessage());
    ModelMismatchException other = assertThrows(ModelMismatchException.class,
        () -> CommandLinePrediction.predict(file, "iris", "1, 2, 3, 4", base));
    assertTrue(other.getMessage().contains("holds the model \"blobs\", not \"iris\""),
        other.getMessage());
  }
}
