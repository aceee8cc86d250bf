package dev.deepbuild.processor.model;

import dev.deepbuild.annotations.Task;
import java.util.List;
import java.util.Objects;

/**
 * Everything an annotated model class says, checked and resolved: defaults applied, shapes
 * inferred. Code generation reads only this, never the annotations.
 *
 * @param declaringClass the annotated class's qualified name
 * @param name the model's name, which names its output folder
 * @param seed the seed of every random choice
 * @param data the data and its split
 * @param standardize whether features are standardized with the training split's statistics
 * @param training how the model is trained
 * @param layers the layers in order; the last one is a dense output layer
 * @param thresholds the bounds the trained model must meet
 */
public record ModelDescription(
    String declaringClass,
    String name,
    long seed,
    DataDescription data,
    boolean standardize,
    TrainingDescription training,
    List<LayerDescription> layers,
    List<ThresholdDescription> thresholds) {

  public ModelDescription {
    Objects.requireNonNull(declaringClass, "declaringClass");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(data, "data");
    Objects.requireNonNull(training, "training");
    layers = List.copyOf(layers);
    thresholds = List.copyOf(thresholds);
    if (layers.isEmpty() || layers.get(layers.size() - 1).kind() != LayerKind.DENSE) {
      throw new IllegalArgumentException("the last layer must be dense: " + layers);
    }
  }

  public Task task() {
    return training.task();
  }

  /** The last layer, which takes the loss. */
  public LayerDescription outputLayer() {
    return layers.get(layers.size() - 1);
  }
}
