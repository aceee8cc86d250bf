package dev.deepbuild.runtime.predict;

import dev.deepbuild.runtime.InvalidInputException;
import dev.deepbuild.runtime.data.CsvLineParser;
import dev.deepbuild.runtime.data.NumericCells;
import dev.deepbuild.runtime.datasets.read.ImageFolderFiles;
import dev.deepbuild.runtime.io.InputSchema;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import javax.imageio.ImageIO;

/**
 * {@code dl:predict}: a model's predictions for an input given on the command line, one line each.
 * The input is a file (or, for images, a folder) when one of that name exists, otherwise the text
 * or row itself: a text model predicts each line of a file, a table model each row (a row of the
 * training table, label included, or of the feature values alone; a header row is skipped), an
 * image model each image. A functional model predicts each row of its named inputs, a JSON object
 * ({@link NamedInputRows}) given itself or as the lines of a file, and prints each output's
 * prediction by name: {@code topic: earn (0.9312); usa: yes (0.8820)}.
 */
public final class CommandLinePrediction {
  private CommandLinePrediction() {}

  /**
   * Where the build's model is: packaged into the class output at {@link
   * PackagedModel#location(String)} when the build has packaged it, else as {@code dl:train} saved
   * it in {@code outputRoot/<model>/model.zip}.
   */
  public static Path modelFile(Path classes, Path outputRoot, String model) {
    Path packaged = classes.resolve(PackagedModel.location(model));
    return Files.isRegularFile(packaged) ? packaged : outputRoot.resolve(model).resolve("model.zip");
  }

  /**
   * The predictions, one line each in the input's order.
   *
   * @param input a file or folder (relative to {@code baseDir} unless absolute), or the input itself
   * @throws InvalidInputException for input the model cannot take, naming it
   * @throws ModelMismatchException for a missing or unreadable model file
   */
  public static List<String> predict(Path file, String model, String input, Path baseDir) {
    PackagedModel loaded = PackagedModel.load(ExpectedModel.named(model), file);
    if (!loaded.metadata().inputs().isEmpty()) {
      List<String> lines = lines(resolve(baseDir, input), input);
      if (lines.isEmpty()) {
        throw nothingToPredict(model, input);
      }
      return loaded.predictNamed(NamedInputRows.parse(model, lines)).stream()
          .map(OutputPredictions::describe).toList();
    }
    List<ModelInput> inputs = read(loaded, input, baseDir);
    if (inputs.isEmpty()) {
      throw nothingToPredict(model, input);
    }
    return loaded.predict(inputs).stream().map(Prediction::describe).toList();
  }

  private static InvalidInputException nothingToPredict(String model, String input) {
    return new InvalidInputException(model + ": -Ddl.input=" + input + " holds nothing to"
        + " predict: give a non-empty file, or the input itself.");
  }

  private static List<ModelInput> read(PackagedModel model, String input, Path baseDir) {
    String name = model.metadata().model();
    Path path = resolve(baseDir, input);
    return model.metadata().input().accept(new InputSchema.Visitor<List<ModelInput>>() {
      @Override
      public List<ModelInput> csv(InputSchema.Csv csv) {
        return lines(path, input).stream().filter(line -> !isHeader(csv, line))
            .map(line -> row(name, line, csv.delimiter(), csv.featureColumns(),
                csv.featureColumns().size() + 1))
            .toList();
      }

      @Override
      public List<ModelInput> text(InputSchema.Text text) {
        return lines(path, input).stream().map(ModelInput::text).toList();
      }

      @Override
      public List<ModelInput> provided(InputSchema.Provided provided) {
        return lines(path, input).stream()
            .map(line -> row(name, line, ',', List.of(), provided.width())).toList();
      }

      @Override
      public List<ModelInput> image(InputSchema.Image image) {
        return images(name, path, input);
      }
    });
  }

  private static Path resolve(Path baseDir, String input) {
    try {
      Path path = baseDir.resolve(input);
      return Files.exists(path) ? path : null;
    } catch (RuntimeException notAPath) {
      return null;
    }
  }

  /** The file's non-empty lines, or the input itself when it names no file. */
  private static List<String> lines(Path path, String input) {
    if (path == null) {
      return List.of(input);
    }
    try (Stream<String> lines = Files.lines(path)) {
      return lines.filter(line -> !line.isBlank()).toList();
    } catch (IOException e) {
      throw new InvalidInputException("cannot read -Ddl.input=" + path + ": " + e.getMessage(), e);
    }
  }

  private static boolean isHeader(InputSchema.Csv csv, String line) {
    return csv.header() && cells(line, csv.delimiter()).containsAll(csv.featureNames());
  }

  /**
   * A row of the feature values alone, or of the training table's columns (its {@code full}
   * cells, label included), whose feature columns are taken.
   */
  private static ModelInput row(String model, String line, char delimiter, List<Integer> columns,
      int full) {
    List<String> cells = cells(line, delimiter);
    int width = full - 1;
    List<String> features;
    if (cells.size() == width) {
      features = cells;
    } else if (cells.size() == full && !columns.isEmpty()) {
      features = columns.stream().map(cells::get).toList();
    } else {
      throw new InvalidInputException(model + ": the row \"" + line + "\" has " + cells.size()
          + " values, but the model takes " + width + " feature values"
          + (columns.isEmpty() ? "" : " or a row of the training table's " + full + " columns")
          + ", separated by '" + delimiter + "'.");
    }
    double[] values = new double[features.size()];
    for (int i = 0; i < values.length; i++) {
      // A cell is a number as training reads it.
      values[i] = NumericCells.parse(features.get(i));
      if (Double.isNaN(values[i])) {
        throw new InvalidInputException(model + ": the row \"" + line + "\" has \""
            + features.get(i) + "\" where a finite number must be; fix the value.");
      }
    }
    return ModelInput.features(values);
  }

  /** The line's cells as training's CSV reader splits a line. */
  private static List<String> cells(String line, char delimiter) {
    try {
      return new CsvLineParser(delimiter).split(line);
    } catch (IllegalArgumentException unclosed) {
      throw new InvalidInputException("the row \"" + line + "\": " + unclosed.getMessage()
          + "; close the quote.");
    }
  }

  /** The image file, or every PNG or JPEG image of the folder in name order. */
  private static List<ModelInput> images(String model, Path path, String input) {
    if (path == null) {
      throw new InvalidInputException(model + ": -Ddl.input=" + input + " is no file or folder;"
          + " the model takes images: give a PNG or JPEG file, or a folder of them.");
    }
    List<Path> files;
    if (Files.isDirectory(path)) {
      try (Stream<Path> list = Files.list(path)) {
        files = list.filter(ImageFolderFiles::image).sorted().toList();
      } catch (IOException e) {
        throw new InvalidInputException("cannot list -Ddl.input=" + path + ": " + e.getMessage(),
            e);
      }
    } else {
      files = List.of(path);
    }
    List<ModelInput> inputs = new ArrayList<>();
    for (Path file : files) {
      BufferedImage image;
      try {
        image = ImageIO.read(file.toFile());
      } catch (IOException e) {
        image = null;
      }
      if (image == null) {
        throw new InvalidInputException(model + ": " + file + " cannot be read as a PNG or JPEG"
            + " image; give an image file.");
      }
      inputs.add(ModelInput.image(image));
    }
    return inputs;
  }
}
