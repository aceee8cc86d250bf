package dev.deepbuild.runtime.data;

import java.util.List;
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

  /** The words of the vocabulary the features were made with, in index order; empty for none. */
  default List<String> vocabulary() {
    return List.of();
  }
}
