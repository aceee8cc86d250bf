package dev.deepbuild.runtime.model;

import dev.deepbuild.annotations.DataSplit;
import dev.deepbuild.annotations.MissingSplit;
import dev.deepbuild.annotations.Task;
import dev.deepbuild.build.gate.ThresholdSpec;
import dev.deepbuild.runtime.InvalidInputException;
import dev.deepbuild.runtime.data.CsvSource;
import dev.deepbuild.runtime.data.DataSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything about a model but its network: its name, where it was declared, its data and how it is
 * split and preprocessed, the training loop's options and the thresholds it must meet. Generated
 * code builds one with {@link #builder(String)}.
 *
 * @param name the model's name, which names its output folder
 * @param declaringClass the annotated class, for messages
 * @param seed the seed of every random choice
 * @param data where the samples come from
 * @param testFraction the fraction of all rows held out for the test; unused for a built-in
 *     dataset, which has its own test split
 * @param validationFraction the fraction held out for validation, 0 for none: of all rows for a
 *     CSV table or texts, of the training split for a built-in dataset
 * @param task classification or regression
 * @param classes the declared number of classes of a classifier, 0 to infer it from the data
 * @param standardize whether features are standardized with the training split's statistics
 * @param vectorization how texts become features; null for tables
 * @param kFold the cross-validation of the training split; null for none
 * @param validationData a table of its own to validate on instead of held-out rows (Keras's
 *     {@code validation_data}); null for none
 * @param earlyStopping when to stop training early and which weights to keep; null for none
 * @param schedule how the learning rate changes between epochs; null for a constant rate
 * @param epochs passes over the training data
 * @param batchSize samples per gradient update
 * @param thresholds the bounds the trained model must meet
 * @param inputs a functional model's named inputs, each reading a text field, a group of a table's
 *     columns or a provided features array; empty for a sequential model, whose one input is the
 *     data's features
 * @param outputs a functional model's named outputs, each predicting a field of the data, the first
 *     of the model's {@code task} and {@code classes}; empty for a sequential model, whose one
 *     output predicts the data's label
 * @param resizing the size every image of every split is resized to when it is read; null to keep
 *     the size it is read at
 * @param rescaling how image pixels are scaled before the network sees them, in every split
 * @param augmentation the random changes to training images; null for none
 */
public record ModelSpec(
    String name,
    String declaringClass,
    long seed,
    DataSource data,
    double testFraction,
    double validationFraction,
    Task task,
    int classes,
    boolean standardize,
    Vectorization vectorization,
    KFoldSpec kFold,
    CsvSource validationData,
    EarlyStoppingSpec earlyStopping,
    ScheduleSpec schedule,
    int epochs,
    int batchSize,
    List<ThresholdSpec> thresholds,
    List<InputSpec> inputs,
    List<OutputSpec> outputs,
    ResizingSpec resizing,
    RescalingSpec rescaling,
    AugmentationSpec augmentation) {

  public ModelSpec {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(declaringClass, "declaringClass");
    Objects.requireNonNull(data, "data");
    Objects.requireNonNull(task, "task");
    Objects.requireNonNull(rescaling, "rescaling");
    thresholds = List.copyOf(thresholds);
    inputs = List.copyOf(inputs);
    outputs = List.copyOf(outputs);
  }

  /** Whether the model is a graph of named inputs and outputs rather than a sequential stack. */
  public boolean functional() {
    return !outputs.isEmpty();
  }

  /**
   * Why the model has no metrics on {@code split}; empty when it has them. Validation data is a
   * held-out fraction or a validation table of its own.
   */
  public Optional<MissingSplit> missing(DataSplit split) {
    return split.missingFrom(kFold != null, validationFraction > 0 || validationData != null);
  }

  /**
   * Checks that a functional model's network has an output per declared output, which generated
   * code from an older compile of the class might not have.
   *
   * @throws InvalidInputException when the counts differ
   */
  public void checkOutputs(int networkOutputs) {
    if (networkOutputs != outputs.size()) {
      throw new InvalidInputException(name + ": the network has " + networkOutputs
          + " outputs, but the model declares " + outputs.size() + "; rebuild the project so"
          + " that the generated code matches the model class.");
    }
  }

  /** This spec with another epoch count, such as the one cross-validation chose for the final fit. */
  public ModelSpec withEpochs(int epochs) {
    return new ModelSpec(name, declaringClass, seed, data, testFraction, validationFraction, task,
        classes, standardize, vectorization, kFold, validationData, earlyStopping, schedule, epochs,
        batchSize, thresholds, inputs, outputs, resizing, rescaling, augmentation);
  }

  public static Builder builder(String name) {
    return new Builder(name);
  }

  /** Builds a {@link ModelSpec}; unset options take the DSL's defaults. */
  public static final class Builder {
    private final String name;
    private String declaringClass = "";
    private long seed = 42;
    private DataSource data;
    private double testFraction = 0.2;
    private double validationFraction;
    private Task task = Task.CLASSIFICATION;
    private int classes;
    private boolean standardize;
    private Vectorization vectorization;
    private KFoldSpec kFold;
    private CsvSource validationData;
    private EarlyStoppingSpec earlyStopping;
    private ScheduleSpec schedule;
    private int epochs = 1;
    private int batchSize = 32;
    private final List<ThresholdSpec> thresholds = new ArrayList<>();
    private final List<InputSpec> inputs = new ArrayList<>();
    private final List<OutputSpec> outputs = new ArrayList<>();
    private ResizingSpec resizing;
    private RescalingSpec rescaling = RescalingSpec.NONE;
    private AugmentationSpec augmentation;

    private Builder(String name) {
      this.name = name;
    }

    public Builder declaredBy(String declaringClass) {
      this.declaringClass = declaringClass;
      return this;
    }

    public Builder seed(long seed) {
      this.seed = seed;
      return this;
    }

    public Builder data(DataSource data) {
      this.data = data;
      return this;
    }

    /** The hold-out split of a CSV table or texts, as fractions of all rows. */
    public Builder split(double testFraction, double validationFraction) {
      return testFraction(testFraction).validationFraction(validationFraction);
    }

    /** The fraction of all rows of a CSV table or texts held out for the test. */
    public Builder testFraction(double fraction) {
      this.testFraction = fraction;
      return this;
    }

    /**
     * The fraction held out for validation: of all rows for a CSV table or texts, of the training
     * split for a built-in dataset.
     */
    public Builder validationFraction(double fraction) {
      this.validationFraction = fraction;
      return this;
    }

    /** A classifier; {@code classes} is 0 to infer the class count from the data. */
    public Builder classification(int classes) {
      this.task = Task.CLASSIFICATION;
      this.classes = classes;
      return this;
    }

    public Builder regression() {
      this.task = Task.REGRESSION;
      this.classes = 0;
      return this;
    }

    public Builder standardize() {
      this.standardize = true;
      return this;
    }

    public Builder vectorize(Vectorization vectorization) {
      this.vectorization = vectorization;
      return this;
    }

    public Builder kFold(KFoldSpec kFold) {
      this.kFold = kFold;
      return this;
    }

    /** A table of its own, with the data's columns, to validate on. */
    public Builder validationData(CsvSource validationData) {
      this.validationData = validationData;
      return this;
    }

    public Builder earlyStopping(EarlyStoppingSpec earlyStopping) {
      this.earlyStopping = earlyStopping;
      return this;
    }

    public Builder learningRateSchedule(ScheduleSpec schedule) {
      this.schedule = schedule;
      return this;
    }

    public Builder epochs(int epochs) {
      this.epochs = epochs;
      return this;
    }

    public Builder batchSize(int batchSize) {
      this.batchSize = batchSize;
      return this;
    }

    public Builder threshold(ThresholdSpec threshold) {
      thresholds.add(threshold);
      return this;
    }

    /** A named input of a functional model, in the graph's order of inputs. */
    public Builder input(InputSpec input) {
      inputs.add(input);
      return this;
    }

    /**
     * A named output of a functional model, in the graph's order of outputs; the first one's task
     * and classes are the model's.
     */
    public Builder output(OutputSpec output) {
      if (outputs.isEmpty()) {
        task = output.task();
        classes = output.classes();
      }
      outputs.add(output);
      return this;
    }

    /** The size every image is resized to, {@code @Resizing}. */
    public Builder resizing(ResizingSpec resizing) {
      this.resizing = resizing;
      return this;
    }

    /** How image pixels are scaled, {@code @Rescaling}. */
    public Builder rescaling(RescalingSpec rescaling) {
      this.rescaling = rescaling;
      return this;
    }

    /** The random changes to training images, {@code @Augmentation}. */
    public Builder augmentation(AugmentationSpec augmentation) {
      this.augmentation = augmentation;
      return this;
    }

    public ModelSpec build() {
      return new ModelSpec(name, declaringClass, seed, data, testFraction, validationFraction,
          task, classes, standardize, vectorization, kFold, validationData, earlyStopping, schedule,
          epochs, batchSize, thresholds, inputs, outputs, resizing, rescaling, augmentation);
    }
  }
}
