package dev.deepbuild.runtime.data;

import java.util.List;
import java.util.Optional;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A model's input features, one row per sample. Built only for the rows a split needs, because a
 * dense matrix of every sample can be larger than memory (50,000 IMDB reviews as 10,000-word
 * multi-hot vectors are 2 GB of floats).
 */
public interface Features {
  /** The number of features of a sample: the network's input size. */
  int columns();

  /** The given rows, in order, as a matrix of {@code type}. */
  INDArray rows(int[] rows, DataType type);

  /**
   * The given rows with their labels as the batch seam hands them to training and evaluation, when
   * these features build their own minibatches (images, kept compact until a minibatch needs
   * them); empty for features gathered into one matrix per split ({@link #rows}), which
   * standardization can transform.
   *
   * @param labels the rows' labels, one array per output of the network
   * @param inputs how many of the network's inputs these features are, each given the same
   *     minibatch (a functional model's image inputs all read the images)
   * @param training whether the rows are the split a network is fitted on, which alone is
   *     augmented
   */
  default Optional<Batches> batches(int[] rows, List<INDArray> labels, int inputs, DataType type,
      boolean training) {
    return Optional.empty();
  }

  /**
   * The same rows as a layer that takes multi-hot texts as the indices of their words wants them
   * ({@code network.MultiHotDense}): {@link #rows} gives each row's word indices, padded, and
   * {@link #columns} stays the vocabulary's width, the layer's {@code nIn}. Empty for features
   * that are no multi-hot texts.
   */
  default Optional<Features> tokenIndices() {
    return Optional.empty();
  }

  /** The words of the vocabulary the features were made with, in index order; empty for none. */
  default List<String> vocabulary() {
    return List.of();
  }
}
