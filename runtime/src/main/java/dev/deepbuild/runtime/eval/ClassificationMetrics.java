package dev.deepbuild.runtime.eval;

import dev.deepbuild.annotations.Metric;
import dev.deepbuild.build.result.ConfusionCounts;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.nd4j.evaluation.classification.ConfusionMatrix;
import org.nd4j.evaluation.classification.Evaluation;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Accuracy, precision, recall and F1 of a classifier, counted by DL4J's {@link Evaluation}: the
 * predicted class is the arg max of a softmax output, or class 1 when a single sigmoid output is
 * above 0.5 (as Keras thresholds it).
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

  private final Evaluation evaluation = new Evaluation();
  private int classes;

  @Override
  public void add(INDArray labels, INDArray outputs) {
    classes = Math.max(2, (int) labels.columns());
    evaluation.eval(labels, outputs);
  }

  @Override
  public Map<Metric, Double> values() {
    Map<Metric, Double> values = new EnumMap<>(Metric.class);
    values.put(Metric.ACCURACY, evaluation.accuracy());
    if (classes == 2) {
      double precision = evaluation.precision(1, UNDEFINED);
      double recall = evaluation.recall(1, UNDEFINED);
      values.put(Metric.PRECISION, precision);
      values.put(Metric.RECALL, recall);
      values.put(Metric.F1, f1(precision, recall));
      return values;
    }
    ConfusionMatrix<Integer> confusion = evaluation.getConfusionMatrix();
    double precision = 0;
    double recall = 0;
    double f1 = 0;
    int averaged = 0;
    for (int k = 0; k < classes; k++) {
      if (confusion.getActualTotal(k) + confusion.getPredictedTotal(k) == 0) {
        continue;
      }
      double classPrecision = evaluation.precision(k, UNDEFINED);
      double classRecall = evaluation.recall(k, UNDEFINED);
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
   * The confusion matrix over everything added, as {@link Evaluation} counted it, so that it agrees
   * with the accuracy. Classes are named by {@code classNames}, or by their index when it does not
   * name each class.
   */
  ConfusionCounts confusion(List<String> classNames) {
    ConfusionMatrix<Integer> confusion = evaluation.getConfusionMatrix();
    List<String> names = new ArrayList<>();
    List<List<Integer>> counts = new ArrayList<>();
    for (int actual = 0; actual < classes; actual++) {
      names.add(classNames.size() == classes ? classNames.get(actual) : Integer.toString(actual));
      List<Integer> row = new ArrayList<>();
      for (int predicted = 0; predicted < classes; predicted++) {
        row.add(confusion.getCount(actual, predicted));
      }
      counts.add(row);
    }
    return new ConfusionCounts(names, counts);
  }

  private static double f1(double precision, double recall) {
    return precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
  }
}
