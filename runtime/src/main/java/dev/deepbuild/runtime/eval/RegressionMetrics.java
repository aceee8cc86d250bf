package dev.deepbuild.runtime.eval;

import dev.deepbuild.annotations.Metric;
import dev.deepbuild.runtime.network.StridedMatrix;
import java.util.EnumMap;
import java.util.Map;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * MAE, MSE, RMSE and R² of a regressor, each the mean over output columns, from sums in double
 * precision that Java keeps per column, the labels and outputs read in place: adding a training
 * minibatch costs no native call. R² is the coefficient of determination {@code 1 - SSres/SStot}
 * (DL4J's {@code RegressionEvaluation.rSquared}), not the squared correlation.
 */
final class RegressionMetrics implements MetricAccumulator {
  private double[] absoluteErrors = new double[0];
  private double[] squaredErrors = new double[0];
  private double[] labelSums = new double[0];
  private double[] squaredLabels = new double[0];
  private long rows;

  @Override
  public void add(INDArray labels, INDArray outputs) {
    int columns = Math.toIntExact(labels.columns());
    if (absoluteErrors.length == 0) {
      absoluteErrors = new double[columns];
      squaredErrors = new double[columns];
      labelSums = new double[columns];
      squaredLabels = new double[columns];
    }
    StridedMatrix actual = StridedMatrix.of(labels);
    StridedMatrix predicted = StridedMatrix.of(outputs);
    int chunkRows = Math.toIntExact(labels.rows());
    for (int r = 0; r < chunkRows; r++) {
      for (int c = 0; c < columns; c++) {
        double label = actual.get(r, c);
        double error = predicted.get(r, c) - label;
        absoluteErrors[c] += Math.abs(error);
        squaredErrors[c] += error * error;
        labelSums[c] += label;
        squaredLabels[c] += label * label;
      }
    }
    rows += chunkRows;
  }

  @Override
  public Map<Metric, Double> values() {
    int columns = absoluteErrors.length;
    double mae = 0;
    double mse = 0;
    double rmse = 0;
    double r2 = 0;
    for (int c = 0; c < columns; c++) {
      double columnMse = squaredErrors[c] / rows;
      mae += absoluteErrors[c] / rows;
      mse += columnMse;
      rmse += Math.sqrt(columnMse);
      double mean = labelSums[c] / rows;
      // SStot = sum of (label - mean)^2 = sum of label^2 + mean * (n * mean - 2 * sum of labels).
      double total = squaredLabels[c] + mean * (rows * mean - 2 * labelSums[c]);
      r2 += (total - squaredErrors[c]) / total;
    }
    Map<Metric, Double> values = new EnumMap<>(Metric.class);
    values.put(Metric.MAE, mae / columns);
    values.put(Metric.MSE, mse / columns);
    values.put(Metric.RMSE, rmse / columns);
    values.put(Metric.R2, r2 / columns);
    return values;
  }
}
