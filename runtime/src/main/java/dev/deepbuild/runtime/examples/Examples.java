package dev.deepbuild.runtime.examples;

import dev.deepbuild.annotations.Task;
import dev.deepbuild.runtime.data.FixedTestSplit;
import dev.deepbuild.runtime.data.EncodedLabels;
import dev.deepbuild.runtime.data.Features;
import dev.deepbuild.runtime.io.InputSchema;
import dev.deepbuild.runtime.model.ModelSpec;
import dev.deepbuild.runtime.network.NetworkOutput;
import java.util.List;
import java.util.Optional;

/**
 * A model's samples as read from their source, before the network's shape decides how labels are
 * encoded and before the split decides what features are fitted on.
 */
public interface Examples {
  /** The number of samples. */
  int size();

  /** The number of input features, known before any are computed. */
  int inputs();

  /** The width of each of the network's inputs, in its order: a sequential model's {@link #inputs}. */
  default List<Integer> inputWidths() {
    return List.of(inputs());
  }

  /** A line for the log: how many samples of what, from where. */
  String description();

  /**
   * The labels as the network's output layer expects them.
   *
   * @param declaredClasses the declared number of classes, 0 to infer it
   * @param outputUnits the size of the network's output layer
   */
  EncodedLabels labels(Task task, int declaredClasses, int outputUnits);

  /**
   * The source's own test split, which every model of it shares, instead of a fraction of the
   * model's choosing; empty when the model chooses.
   */
  Optional<FixedTestSplit> fixedTestSplit();

  /**
   * Rows that are the validation data whatever the split, because they came from a validation
   * table of their own; empty when validation rows are held out of the data.
   */
  default Optional<int[]> fixedValidationRows() {
    return Optional.empty();
  }

  /**
   * The features, fitted on {@code trainingRows} where the features are learned from the data (a
   * text vocabulary), so that nothing of the held-out rows leaks into them.
   */
  Features features(int[] trainingRows);

  /**
   * The labels of each of the network's outputs, in its order: for a sequential model its one
   * output's {@link #labels}; a source of named fields encodes each output's field.
   */
  default List<EncodedLabels> outputLabels(ModelSpec spec, List<NetworkOutput> outputs) {
    return List.of(labels(spec.task(), spec.classes(), outputs.get(0).units()));
  }

  /**
   * The features of each of the network's inputs, in its order, fitted on {@code trainingRows}:
   * for a sequential model its one input's {@link #features}.
   */
  default List<Features> inputFeatures(int[] trainingRows) {
    return List.of(features(trainingRows));
  }

  /** How an input row is made from a sample, which a saved model keeps to be fed new data. */
  InputSchema schema();

  /** How each of the network's inputs is made, in its order: a sequential model's one schema. */
  default List<InputSchema> inputSchemas() {
    return List.of(schema());
  }
}
