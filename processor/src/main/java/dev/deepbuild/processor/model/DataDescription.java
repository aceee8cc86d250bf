package dev.deepbuild.processor.model;

import dev.deepbuild.annotations.BuiltinDataset;
import dev.deepbuild.annotations.Task;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A model's data: a CSV table, a built-in dataset, the user's own texts, the user's own code's
 * arrays or the user's own images, with how it is split.
 */
public sealed interface DataDescription {

  /** The declared number of classes of a classifier; 0 to infer it from the data, or for regression. */
  int classes();

  /** The fraction held out to validate during training, in [0, 1); 0 for none. */
  double validationFraction();

  /** Whether samples are texts, which a {@link VectorizationDescription} turns into features. */
  boolean text();

  /** Whether the model has validation data: held-out samples, or a table of its own. */
  default boolean hasValidationData() {
    return validationFraction() > 0;
  }

  /**
   * Whether samples are images, which {@code @Resizing}, {@code @Rescaling} and
   * {@code @Augmentation} prepare.
   */
  default boolean images() {
    return false;
  }

  /** The task the data itself decides, if it does; a CSV table's is the loss's to decide. */
  Optional<Task> task();

  /**
   * The shape of the network's input, a feature vector: its width is known at compile time for a
   * vectorized text (the vectorization's width) and a built-in table (its feature count),
   * otherwise it is {@link Shape#INPUTS}, the column count found when the data is loaded.
   */
  default Shape inputShape(Optional<VectorizationDescription> vectorization) {
    return Shape.INPUTS;
  }

  /** Calls the visitor's method for this kind of data. */
  <R> R accept(Visitor<R> visitor);

  /**
   * One method per kind of data, for what is not the data's own to know, such as the code that
   * builds it: a new kind adds a method, and every visitor stops compiling until it handles it.
   */
  interface Visitor<R> {
    R csvTable(CsvTable table);

    R builtin(Builtin builtin);

    R texts(Texts texts);

    R provided(Provided provided);

    R images(Images images);
  }

  /**
   * One CSV table ({@code @CsvData}).
   *
   * @param source where the table is read from
   * @param label the label column
   * @param header whether the first row names the columns (always so for a
   *     {@link LabelColumn.Named})
   * @param delimiter the field separator
   * @param classes the declared number of classes of a classifier, 0 to infer it from the data
   * @param split the fractions of all rows held out
   * @param validationTable a table of its own to validate on, with the same columns; then no rows
   *     are held out for validation
   */
  record CsvTable(
      DataSource source,
      LabelColumn label,
      boolean header,
      char delimiter,
      int classes,
      SplitDescription split,
      Optional<DataSource> validationTable) implements DataDescription {

    public CsvTable {
      Objects.requireNonNull(source, "source");
      Objects.requireNonNull(label, "label");
      Objects.requireNonNull(split, "split");
      Objects.requireNonNull(validationTable, "validationTable");
    }

    @Override
    public double validationFraction() {
      return split.validation();
    }

    @Override
    public boolean hasValidationData() {
      return split.validation() > 0 || validationTable.isPresent();
    }

    @Override
    public boolean text() {
      return false;
    }

    @Override
    public Optional<Task> task() {
      return Optional.empty();
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.csvTable(this);
    }
  }

  /**
   * A built-in dataset ({@code @Dataset}), which comes with its own test split, or a subset of it.
   *
   * @param dataset the dataset
   * @param validationFraction the fraction of its training split held out for validation, in
   *     [0, 1); 0 for none
   * @param keptClasses the dataset's class indices kept, in their new labels' order; empty for all
   * @param trainingSamples the training samples kept, an equal share per class; 0 for all
   */
  record Builtin(BuiltinDataset dataset, double validationFraction, List<Integer> keptClasses,
      int trainingSamples) implements DataDescription {

    public Builtin {
      Objects.requireNonNull(dataset, "dataset");
      keptClasses = List.copyOf(keptClasses);
      if (!(validationFraction >= 0 && validationFraction < 1)) {
        throw new IllegalArgumentException("validation must be in [0, 1): " + validationFraction);
      }
    }

    /** The whole dataset. */
    public Builtin(BuiltinDataset dataset, double validationFraction) {
      this(dataset, validationFraction, List.of(), 0);
    }

    @Override
    public int classes() {
      return keptClasses.isEmpty() ? dataset.classes() : keptClasses.size();
    }

    @Override
    public boolean text() {
      return dataset.text();
    }

    @Override
    public Optional<Task> task() {
      return Optional.of(dataset.task());
    }

    @Override
    public boolean images() {
      return dataset.imageShape().isPresent();
    }

    @Override
    public Shape inputShape(Optional<VectorizationDescription> vectorization) {
      if (dataset.text()) {
        return vectorization.map(VectorizationDescription::features).orElse(Shape.INPUTS);
      }
      return dataset.imageShape()
          .<Shape>map(image -> new Shape.Image(image.height(), image.width(), image.channels()))
          .orElseGet(() -> Shape.vector(dataset.features()));
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.builtin(this);
    }
  }

  /**
   * The user's own labelled texts ({@code @TextData}), for classification; the classes are those
   * found in the data.
   *
   * @param layout a folder of class folders, or one file
   * @param location the folder or file, relative to the project's base directory unless absolute
   * @param textField the field holding the text, in a file
   * @param labelField the field holding the class, in a file
   * @param split the fractions of all texts held out
   */
  record Texts(
      Layout layout,
      String location,
      String textField,
      String labelField,
      SplitDescription split) implements DataDescription {

    /** The default field names, which generated code leaves out. */
    public static final String TEXT_FIELD = "text";

    public static final String LABEL_FIELD = "label";

    public enum Layout {
      /** A sub-folder per class, named by the class, each file in it one text. */
      FOLDER,
      /** A CSV file with a header row, or a JSON array of objects. */
      FILE
    }

    public Texts {
      Objects.requireNonNull(layout, "layout");
      Objects.requireNonNull(location, "location");
      Objects.requireNonNull(textField, "textField");
      Objects.requireNonNull(labelField, "labelField");
      Objects.requireNonNull(split, "split");
    }

    /** Whether a file names its fields other than {@code text} and {@code label}. */
    public boolean customFields() {
      return !textField.equals(TEXT_FIELD) || !labelField.equals(LABEL_FIELD);
    }

    @Override
    public int classes() {
      return 0;
    }

    @Override
    public double validationFraction() {
      return split.validation();
    }

    @Override
    public boolean text() {
      return true;
    }

    @Override
    public Optional<Task> task() {
      return Optional.of(Task.CLASSIFICATION);
    }

    @Override
    public Shape inputShape(Optional<VectorizationDescription> vectorization) {
      return vectorization.map(VectorizationDescription::features).orElse(Shape.INPUTS);
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.texts(this);
    }
  }

  /**
   * Arrays from the user's own code ({@code @ProvidedData}), for a functional model: a features
   * array per input and a labels array per output; the task is each output's loss's to decide.
   *
   * @param provider the provider class's canonical name
   * @param split the fractions of all samples held out
   */
  record Provided(String provider, SplitDescription split) implements DataDescription {
    public Provided {
      Objects.requireNonNull(provider, "provider");
      Objects.requireNonNull(split, "split");
    }

    @Override
    public int classes() {
      return 0;
    }

    @Override
    public double validationFraction() {
      return split.validation();
    }

    @Override
    public boolean text() {
      return false;
    }

    @Override
    public Optional<Task> task() {
      return Optional.empty();
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.provided(this);
    }
  }

  /**
   * The user's own images ({@code @ImageData}), for classification: a folder with a sub-folder
   * per class, each image resized to {@code height} x {@code width}; the classes are the folders.
   *
   * @param directory the folder, relative to the project's base directory unless absolute
   * @param channels 3 for RGB, 1 for grayscale
   * @param split the fractions of all images held out
   */
  record Images(String directory, int height, int width, int channels, SplitDescription split)
      implements DataDescription {
    public Images {
      Objects.requireNonNull(directory, "directory");
      Objects.requireNonNull(split, "split");
    }

    @Override
    public int classes() {
      return 0;
    }

    @Override
    public double validationFraction() {
      return split.validation();
    }

    @Override
    public boolean text() {
      return false;
    }

    @Override
    public boolean images() {
      return true;
    }

    @Override
    public Optional<Task> task() {
      return Optional.of(Task.CLASSIFICATION);
    }

    @Override
    public Shape inputShape(Optional<VectorizationDescription> vectorization) {
      return new Shape.Image(height, width, channels);
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.images(this);
    }
  }
}
