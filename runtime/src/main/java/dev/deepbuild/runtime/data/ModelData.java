package dev.deepbuild.runtime.data;

import java.util.List;
import java.util.Optional;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.MultiDataSet;

/**
 * A model's data before a split picks rows from it: the features of each input of the network and
 * the encoded labels of each output, in the network's order, all with one row per sample. A
 * sequential model has one of each.
 *
 * @param inputs per input, its features
 * @param labels per output, each sample's encoded label (a one-hot row, a 0/1 or a target value)
 */
public record ModelData(List<Features> inputs, List<double[][]> labels) {
  public ModelData {
    inputs = List.copyOf(inputs);
    labels = List.copyOf(labels);
    if (inputs.isEmpty() || labels.isEmpty()) {
      throw new IllegalArgumentException("a model has an input and an output: " + inputs.size()
          + " inputs, " + labels.size() + " outputs");
    }
  }

  /** The given rows, in order, as one array per input and per output, of {@code type}. */
  public MultiDataSet rows(int[] rows, DataType type) {
    INDArray[] features = new INDArray[inputs.size()];
    for (int i = 0; i < features.length; i++) {
      features[i] = inputs.get(i).rows(rows, type);
    }
    INDArray[] labelArrays = new INDArray[labels.size()];
    for (int i = 0; i < labelArrays.length; i++) {
      labelArrays[i] = TableFeatures.of(labels.get(i)).rows(rows, type);
    }
    return new MultiDataSet(features, labelArrays);
  }

  /**
   * The given rows as minibatches that the features build themselves (images), where every input
   * has the same features (a sequential model's one, or a functional model's image inputs); empty
   * where {@link #rows} gathers them.
   *
   * @param training whether these are the rows a network is fitted on
   */
  public Optional<Batches> batches(int[] rows, DataType type, boolean training) {
    Features first = inputs.get(0);
    if (inputs.stream().anyMatch(features -> features != first)) {
      return Optional.empty();
    }
    List<INDArray> labelArrays = labels.stream()
        .map(label -> TableFeatures.of(label).rows(rows, type)).toList();
    return first.batches(rows, labelArrays, inputs.size(), type, training);
  }

  /** The data of a network with one input and one output. */
  public static ModelData of(Features features, double[][] labels) {
    return new ModelData(List.of(features), List.<double[][]>of(labels));
  }
}
