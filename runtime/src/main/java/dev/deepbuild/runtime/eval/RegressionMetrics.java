package dev.deepbuild.runtime.eval;

import dev.deepbuild.annotations.Metric;
import java.util.EnumMap;
import java.util.Map;
import org.nd4j.evaluation.regression.RegressionEvaluation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * MAE, MSE, RMSE and R² of a regressor by DL4J's {@link RegressionEvaluation}, each the mean over
 * output columns. R² is the coefficient of determination {@code 1 - SSres/SStot}
 * ({@code rSquared}), not the squared correlation ({@code correlationR2}). Sums run in double
 * precision whatever the network's data type.
 */
final class RegressionMetrics implements MetricAccumulator {
  private final RegressionEvaluation evaluation = new RegressionEvaluation();

  @Override
  public void add(INDArray labels, INDArray outputs) {
    evaluation.eval(labels.castTo(DataType.DOUBLE), outputs.castTo(DataType.DOUBLE));
  }

  @Override
  public Map<Metric, Double> values() {
    Map<Metric, Double> values = new EnumMap<>(Metric.class);
    values.put(Metric.MAE, evaluation.averageMeanAbsoluteError());
    values.put(Metric.MSE, evaluation.averageMeanSquaredError());
    values.put(Metric.RMSE, evaluation.averagerootMeanSquaredError());
    values.put(Metric.R2, evaluation.averageRSquared());
    return values;
  }
}
