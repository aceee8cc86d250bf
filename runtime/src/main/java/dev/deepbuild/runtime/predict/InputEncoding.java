package dev.deepbuild.runtime.predict;

import dev.deepbuild.naming.Nearest;
import dev.deepbuild.runtime.InvalidInputException;
import dev.deepbuild.runtime.data.BilinearResize;
import dev.deepbuild.runtime.data.ImageFeatures;
import dev.deepbuild.runtime.data.Images;
import dev.deepbuild.runtime.data.TableFeatures;
import dev.deepbuild.runtime.io.InputSchema;
import dev.deepbuild.runtime.model.RescalingSpec;
import dev.deepbuild.runtime.text.EncodedTexts;
import dev.deepbuild.runtime.text.TextVectorizer;
import dev.deepbuild.runtime.text.TokenizedCorpus;
import dev.deepbuild.runtime.text.Vocabulary;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Prepares new inputs exactly as training prepared the model's data, by calling the code training
 * calls: a text through the {@link TextVectorizer} with the saved vocabulary, a table row through
 * {@link TableFeatures}, an image through {@link BilinearResize} into {@link Images} and {@link
 * ImageFeatures}' scaling. One encoding per kind of {@link InputSchema}, one per network input;
 * an input of another kind is refused with the methods that fit. The saved standardization is
 * applied by {@link PackagedModel} to all inputs' arrays together, as training applied it.
 */
abstract class InputEncoding {
  final String model;

  private InputEncoding(String model) {
    this.model = model;
  }

  /**
   * The encoding of one of a saved model's inputs.
   *
   * @param model the model, or the model and the input's name, for messages
   * @param tokenIndices whether the network takes the input's multi-hot texts as the indices of
   *     their words ({@code MultiHotDense}), as training gave them
   */
  static InputEncoding of(String model, InputSchema schema, List<String> vocabulary,
      boolean tokenIndices) {
    return schema.accept(new InputSchema.Visitor<InputEncoding>() {
      @Override
      public InputEncoding csv(InputSchema.Csv csv) {
        return new Table(model, csv.featureColumns().size(), csv.featureNames());
      }

      @Override
      public InputEncoding text(InputSchema.Text text) {
        return new Text(model, text, vocabulary, tokenIndices);
      }

      @Override
      public InputEncoding provided(InputSchema.Provided provided) {
        return new Table(model, provided.width(), List.of());
      }

      @Override
      public InputEncoding image(InputSchema.Image image) {
        return new Image(model, image);
      }
    });
  }

  /** The network's input rows for {@code inputs}, in order, of {@code type}. */
  abstract INDArray encode(List<ModelInput> inputs, DataType type);

  /** The kind of input the model takes and the predictor method for it, for messages. */
  abstract String takes();

  /** Reads each input through {@code reader}, which refuses the kinds it does not override. */
  <T> List<T> read(List<ModelInput> inputs, Refusing<T> reader) {
    List<T> values = new ArrayList<>(inputs.size());
    for (ModelInput input : inputs) {
      values.add(input.accept(reader));
    }
    return values;
  }

  /** A visitor whose every kind is refused unless overridden: the model takes another kind. */
  abstract class Refusing<T> implements ModelInput.Visitor<T> {
    @Override
    public T text(String text) {
      throw refused(ModelInput.text(text));
    }

    @Override
    public T features(double[] values) {
      throw refused(ModelInput.features(values));
    }

    @Override
    public T columns(Map<String, Double> values) {
      throw refused(ModelInput.columns(values));
    }

    @Override
    public T image(BufferedImage image) {
      throw refused(ModelInput.image(image));
    }

    private InvalidInputException refused(ModelInput input) {
      return new InvalidInputException(model + ": was given " + input.kind() + ", but the model"
          + " takes " + takes() + ".");
    }
  }

  /** The indices of {@code rows} rows, all of them in order. */
  private static int[] all(int rows) {
    return IntStream.range(0, rows).toArray();
  }

  /** A table's rows of numbers, as read, before any standardization. */
  private static final class Table extends InputEncoding {
    private final int width;
    private final List<String> names;

    Table(String model, int width, List<String> names) {
      super(model);
      this.width = width;
      this.names = names;
    }

    @Override
    String takes() {
      return "rows of " + width + " feature values"
          + (names.isEmpty() ? "" : " (" + String.join(", ", names) + ")")
          + ": predict(double...)" + (names.isEmpty() ? "" : " or predict(Map<String, Double>)");
    }

    @Override
    INDArray encode(List<ModelInput> inputs, DataType type) {
      double[][] rows = read(inputs, new Refusing<double[]>() {
        @Override
        public double[] features(double[] values) {
          if (values.length != width) {
            throw new InvalidInputException(model + ": a row has " + values.length + " feature"
                + " values, but the model takes " + takes() + ".");
          }
          return values;
        }

        @Override
        public double[] columns(Map<String, Double> values) {
          return byName(values);
        }
      }).toArray(double[][]::new);
      return new TableFeatures(rows, width).rows(all(rows.length), type);
    }

    /** The row's values in the network's order, each column named once. */
    private double[] byName(Map<String, Double> values) {
      if (names.isEmpty()) {
        throw new InvalidInputException(model + ": its table had no header row, so its columns"
            + " have no names: give the " + width + " feature values in order with"
            + " predict(double...).");
      }
      for (String name : values.keySet()) {
        if (!names.contains(name)) {
          throw new InvalidInputException(model + ": \"" + name + "\" is none of the model's"
              + " feature columns " + names + "." + Nearest.didYouMean(name, names));
        }
      }
      double[] row = new double[width];
      for (int i = 0; i < width; i++) {
        Double value = values.get(names.get(i));
        if (value == null) {
          throw new InvalidInputException(model + ": the row has no value for the column \""
              + names.get(i) + "\"; the model takes " + names + ".");
        }
        row[i] = value;
      }
      return row;
    }
  }

  /** Texts, tokenized and vectorized with the vocabulary training learned. */
  private static final class Text extends InputEncoding {
    private final TextVectorizer vectorizer;
    private final Vocabulary vocabulary;
    private final boolean tokenIndices;

    Text(String model, InputSchema.Text schema, List<String> words, boolean tokenIndices) {
      super(model);
      this.tokenIndices = tokenIndices;
      this.vectorizer = new TextVectorizer(schema.maxTokens(), schema.mode(),
          schema.sequenceLength());
      this.vocabulary = Vocabulary.of(words);
    }

    @Override
    String takes() {
      return "texts: predict(String)";
    }

    @Override
    INDArray encode(List<ModelInput> inputs, DataType type) {
      List<String> texts = read(inputs, new Refusing<String>() {
        @Override
        public String text(String text) {
          return text;
        }
      });
      EncodedTexts encoded = vectorizer.encode(TokenizedCorpus.of(texts), vocabulary);
      return tokenIndices ? encoded.toTokenIndices(all(texts.size()), type)
          : encoded.toINDArray(all(texts.size()), type);
    }
  }

  /** Images, resized to the network's size and scaled as training scaled them. */
  private static final class Image extends InputEncoding {
    private final InputSchema.Image schema;

    Image(String model, InputSchema.Image schema) {
      super(model);
      this.schema = schema;
    }

    @Override
    String takes() {
      return "images, which it resizes to " + schema.readHeight() + "x" + schema.readWidth()
          + (schema.resized() ? " and then " + schema.height() + "x" + schema.width() : "") + " "
          + (schema.channels() == 1 ? "grayscale" : "RGB") + ": predict(BufferedImage)";
    }

    @Override
    INDArray encode(List<ModelInput> inputs, DataType type) {
      List<BufferedImage> images = read(inputs, new Refusing<BufferedImage>() {
        @Override
        public BufferedImage image(BufferedImage image) {
          return image;
        }
      });
      // Read at the data's size, then resized as @Resizing resized the training images.
      Images read = new Images(schema.readHeight(), schema.readWidth(), schema.channels(),
          images.size());
      images.forEach(image -> BilinearResize.add(image, read));
      Images pixels = BilinearResize.resize(read, schema.height(), schema.width());
      return new ImageFeatures(pixels, new RescalingSpec(schema.scale(), schema.offset()),
          Optional.empty()).rows(all(images.size()), type);
    }
  }
}
