package dev.deepbuild.processor.model;

import dev.deepbuild.annotations.Task;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything an annotated model class says, checked and resolved: defaults applied, shapes
 * inferred. Code generation reads only this, never the annotations.
 *
 * @param declaringClass the annotated class's qualified name
 * @param name the model's name, which names its output folder
 * @param seed the seed of every random choice
 * @param data the data and its split
 * @param vectorization how texts become features; present exactly when the data is text
 * @param standardize whether features are standardized with the training split's statistics
 * @param kFold the cross-validation of the training split, if any
 * @param earlyStopping when training stops before its last epoch, if it may; it watches the
 *     hold-out validation data, which the model then has
 * @param schedule how the learning rate changes between epochs, if it does
 * @param training how the model is trained
 * @param layers the layers in order; the first takes the data's input size and the last is a
 *     dense output layer
 * @param thresholds the bounds the trained model must meet
 * @param graph a functional model's inputs, nodes and outputs; empty for a sequential model, whose
 *     layers take one another in order (a functional model's layers are also listed in {@code
 *     layers}, each after what it takes, for its summary)
 * @param imagePreprocessing how images are resized, rescaled and augmented; {@link
 *     ImagePreprocessing#NONE} for other data
 */
public record ModelDescription(
    String declaringClass,
    String name,
    long seed,
    DataDescription data,
    Optional<VectorizationDescription> vectorization,
    boolean standardize,
    Optional<KFoldDescription> kFold,
    Optional<EarlyStoppingDescription> earlyStopping,
    Optional<ScheduleDescription> schedule,
    TrainingDescription training,
    List<LayerDescription> layers,
    List<ThresholdDescription> thresholds,
    Optional<GraphDescription> graph,
    ImagePreprocessing imagePreprocessing) {

  public ModelDescription {
    Objects.requireNonNull(declaringClass, "declaringClass");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(data, "data");
    Objects.requireNonNull(vectorization, "vectorization");
    Objects.requireNonNull(kFold, "kFold");
    Objects.requireNonNull(earlyStopping, "earlyStopping");
    Objects.requireNonNull(schedule, "schedule");
    Objects.requireNonNull(training, "training");
    layers = List.copyOf(layers);
    thresholds = List.copyOf(thresholds);
    Objects.requireNonNull(graph, "graph");
    Objects.requireNonNull(imagePreprocessing, "imagePreprocessing");
    if (graph.isPresent()) {
      if (vectorization.isPresent() || (standardize && data.text())) {
        throw new IllegalArgumentException("a functional model vectorizes per input and"
            + " standardizes numbers only: " + vectorization);
      }
    } else {
      checkSequential(data, vectorization, kFold, earlyStopping, schedule, training, layers,
          imagePreprocessing);
    }
  }

  /**
   * The invariants of a sequential model: a dense last layer, the data's shape into the first,
   * and validation data for what watches it.
   */
  private static void checkSequential(DataDescription data,
      Optional<VectorizationDescription> vectorization, Optional<KFoldDescription> kFold,
      Optional<EarlyStoppingDescription> earlyStopping, Optional<ScheduleDescription> schedule,
      TrainingDescription training, List<LayerDescription> layers,
      ImagePreprocessing imagePreprocessing) {
    if (layers.isEmpty() || layers.get(layers.size() - 1).kind() != LayerKind.DENSE) {
      throw new IllegalArgumentException("the last layer must be dense: " + layers);
    }
    if (data.text() != vectorization.isPresent()) {
      throw new IllegalArgumentException(
          "texts and only texts are vectorized: " + data + ", " + vectorization);
    }
    if (data.task().filter(task -> task != training.task()).isPresent()) {
      throw new IllegalArgumentException(
          "the data's task is not the loss's: " + data + ", " + training.loss());
    }
    Shape dataShape = imagePreprocessing.inputShape(data.inputShape(vectorization));
    if (!layers.get(0).inputShape().equals(dataShape)) {
      throw new IllegalArgumentException(
          "the first layer must take the data's input shape " + dataShape.keras() + ": "
              + layers.get(0));
    }
    if (kFold.isPresent() && data.validationFraction() != 0) {
      throw new IllegalArgumentException("k-fold validates on folds, not on a hold-out fraction");
    }
    boolean holdOutValidation = kFold.isEmpty() && data.hasValidationData();
    if (earlyStopping.isPresent()) {
      if (!holdOutValidation) {
        throw new IllegalArgumentException("early stopping needs hold-out validation data");
      }
      if (!earlyStopping.get().monitor().appliesTo(training.task())) {
        throw new IllegalArgumentException(
            "early stopping monitors a metric the model does not have: " + earlyStopping.get());
      }
    }
    if (schedule.isPresent() && schedule.get().needsValidation()) {
      if (!holdOutValidation) {
        throw new IllegalArgumentException("a plateau schedule needs hold-out validation data");
      }
      if (!schedule.get().monitor().appliesTo(training.task())) {
        throw new IllegalArgumentException(
            "the schedule monitors a metric the model does not have: " + schedule.get());
      }
    }
  }

  public Task task() {
    return training.task();
  }

  /** Whether the model is a graph of named inputs and outputs. */
  public boolean functional() {
    return graph.isPresent();
  }

  /** The shape of a sequential network's input, the first layer's. */
  public Shape inputShape() {
    return layers.get(0).inputShape();
  }

  /** Whether the layer takes a loss: a functional model's outputs, a sequential model's last. */
  public boolean isOutput(LayerDescription layer) {
    return graph.map(g -> g.outputs().stream().anyMatch(output -> output.name().equals(layer.name())))
        .orElse(layer == outputLayer());
  }

  /** A sequential network's last layer, which takes the loss. */
  public LayerDescription outputLayer() {
    return layers.get(layers.size() - 1);
  }
}
