package dev.deepbuild.runtime.network;

import java.util.Random;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.dataset.MultiDataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/** Small generated data sets for the networks behind the seam. */
final class SmallData {
  private SmallData() {}

  /**
   * Three Gaussian blobs in 4 dimensions, one-hot labelled, each class near its own axis: one input
   * and one output, as the training path hands them to a network.
   */
  static MultiDataSet blobs(int rows, long seed) {
    Random random = new Random(seed);
    INDArray features = Nd4j.create(DataType.FLOAT, rows, 4);
    INDArray labels = Nd4j.create(DataType.FLOAT, rows, 3);
    for (int i = 0; i < rows; i++) {
      int label = random.nextInt(3);
      for (int f = 0; f < 4; f++) {
        features.putScalar(i, f, (f == label ? 3 : 0) + random.nextGaussian() * 0.5);
      }
      labels.putScalar(i, label, 1);
    }
    return new MultiDataSet(features, labels);
  }

  /** The one input and output of {@code data}, as a standardizer fits them. */
  static DataSet table(MultiDataSet data) {
    return new DataSet(data.getFeatures(0), data.getLabels(0));
  }

  /** Rows {@code start} (inclusive) to {@code end} (exclusive) of every array, as a minibatch. */
  static MultiDataSet rows(MultiDataSet data, int start, int end) {
    return new MultiDataSet(rows(data.getFeatures(), start, end), rows(data.getLabels(), start, end));
  }

  private static INDArray[] rows(INDArray[] arrays, int start, int end) {
    INDArray[] rows = new INDArray[arrays.length];
    for (int i = 0; i < arrays.length; i++) {
      rows[i] = arrays[i].get(NDArrayIndex.interval(start, end), NDArrayIndex.all());
    }
    return rows;
  }
}
