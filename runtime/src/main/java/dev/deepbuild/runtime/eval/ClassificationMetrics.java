package dev.deepbuild.runtime.eval;

import dev.deepbuild.annotations.Metric;
import dev.deepbuild.build.result.ConfusionCounts;
import dev.deepbuild.runtime.network.StridedMatrix;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Accuracy, precision, recall and F1 of a classifier, from a confusion matrix counted in Java: each
 * row's actual and predicted class by {@link PredictedClass}, read in place from the labels and
 * outputs, so that adding a training minibatch costs no native call. The counts, and so every
 * metric, are those DL4J's {@code Evaluation} gives.
 *
 * <p>For two classes (one sigmoid unit or two softmax units) precision, recall and F1 are those of
 * class 1, the positive class. For more they are macro averages: the unweighted mean over the
 * classes that occur in the split's labels or predictions, where an undefined value (the precision
 * of a class never predicted, the recall of a class absent from the labels) counts as 0. That is
 * scikit-learn's default. DL4J's own {@code EvaluationAveraging.Macro} instead leaves out every
 * class with an undefined value, so a model that never predicts a class would score higher for it.
 * F1 is averaged per class, not computed from the averaged precision and recall.
 */
final class ClassificationMetrics implements MetricAccumulator {
  private static final double UNDEFINED = 0.0;

  /** Rows by actual class, then predicted class. */
  private long[][] counts = new long[0][0];
  private int classes;

  @Override
  public void add(INDArray labels, INDArray outputs) {
    int width = Math.toIntExact(labels.columns());
    if (classes == 0) {
      classes = Math.max(2, width);
      counts = new long[classes][classes];
    }
    StridedMatrix actual = StridedMatrix.of(labels);
    StridedMatrix predicted = StridedMatrix.of(outputs);
    int rows = Math.toIntExact(labels.rows());
    for (int r = 0; r < rows; r++) {
      int row = r;
      counts[PredictedClass.of(width, k -> actual.get(row, k))]
          [PredictedClass.of(width, k -> predicted.get(row, k))]++;
    }
  }

  @Override
  public Map<Metric, Double> values() {
    Map<Metric, Double> values = new EnumMap<>(Metric.class);
    long correct = 0;
    long total = 0;
    for (int k = 0; k < classes; k++) {
      correct += counts[k][k];
      total += actualTotal(k);
    }
    values.put(Metric.ACCURACY, total == 0 ? 0 : (double) correct / total);
    if (classes == 2) {
      double precision = precision(1);
      double recall = recall(1);
      values.put(Metric.PRECISION, precision);
      values.put(Metric.RECALL, recall);
      values.put(Metric.F1, f1(precision, recall));
      return values;
    }
    double precision = 0;
    double recall = 0;
    double f1 = 0;
    int averaged = 0;
    for (int k = 0; k < classes; k++) {
      if (actualTotal(k) + predictedTotal(k) == 0) {
        continue;
      }
      double classPrecision = precision(k);
      double classRecall = recall(k);
      precision += classPrecision;
      recall += classRecall;
      f1 += f1(classPrecision, classRecall);
      averaged++;
    }
    values.put(Metric.PRECISION, precision / averaged);
    values.put(Metric.RECALL, recall / averaged);
    values.put(Metric.F1, f1 / averaged);
    return values;
  }

  /**
   * The confusion matrix over everything added, the counts the accuracy comes from. Classes are
   * named by {@code classNames}, or by their index when it does not name each class.
   */
  ConfusionCounts confusion(List<String> classNames) {
    List<String> names = new ArrayList<>();
    List<List<Integer>> rows = new ArrayList<>();
    for (int actual = 0; actual < classes; actual++) {
      names.add(classNames.size() == classes ? classNames.get(actual) : Integer.toString(actual));
      List<Integer> row = new ArrayList<>();
      for (int predicted = 0; predicted < classes; predicted++) {
        row.add(Math.toIntExact(counts[actual][predicted]));
      }
      rows.add(row);
    }
    return new ConfusionCounts(names, rows);
  }

  private double precision(int k) {
    long predicted = predictedTotal(k);
    return predicted == 0 ? UNDEFINED : (double) counts[k][k] / predicted;
  }

  private double recall(int k) {
    long actual = actualTotal(k);
    return actual == 0 ? UNDEFINED : (double) counts[k][k] / actual;
  }

  private long actualTotal(int k) {
    long total = 0;
    for (long count : counts[k]) {
      total += count;
    }
    return total;
  }

  private long predictedTotal(int k) {
    long total = 0;
    for (long[] actual : counts) {
      total += actual[k];
    }
    return total;
  }

  private static double f1(double precision, double recall) {
    return precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
  }
}
