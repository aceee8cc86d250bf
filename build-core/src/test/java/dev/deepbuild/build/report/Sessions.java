package dev.deepbuild.build.report;

import dev.deepbuild.annotations.DataSplit;
import dev.deepbuild.annotations.Metric;
import dev.deepbuild.annotations.Task;
import dev.deepbuild.build.gate.Gate;
import dev.deepbuild.build.gate.ThresholdSpec;
import dev.deepbuild.build.result.ConfusionCounts;
import dev.deepbuild.build.result.EpochRecord;
import dev.deepbuild.build.result.KFoldReport;
import dev.deepbuild.build.result.ModelOutcome;
import dev.deepbuild.build.result.ModelReport;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Session results as a build would produce them, with known numbers. */
final class Sessions {
  private Sessions() {}

  static ThresholdSpec min(Metric metric, double min) {
    return new ThresholdSpec(metric, DataSplit.TEST, min, Double.NaN);
  }

  static ThresholdSpec max(Metric metric, DataSplit on, double max) {
    return new ThresholdSpec(metric, on, Double.NaN, max);
  }

  /**
   * A classifier of {@code epochs} epochs with a test accuracy of 0.8421: the double nearest 0.842 is
   * a little less, which the check message would floor to 0.841.
   */
  static ModelReport classifier(String name, int epochs) {
    List<EpochRecord> history = new ArrayList<>();
    for (int epoch = 1; epoch <= epochs; epoch++) {
      history.add(new EpochRecord(epoch,
          Map.of(Metric.LOSS, 1.0 / epoch, Metric.ACCURACY, 0.5 + 0.4 * epoch / epochs),
          Map.of(Metric.LOSS, 1.2 / epoch, Metric.ACCURACY, 0.45 + 0.4 * epoch / epochs)));
    }
    ConfusionCounts confusion = new ConfusionCounts(List.of("setosa", "versicolor", "virginica"),
        List.of(List.of(6, 0, 0), List.of(0, 5, 1), List.of(0, 2, 5)));
    return new ModelReport(name, "com.example.Iris", Task.CLASSIFICATION, 42,
        Map.of(DataSplit.TRAIN, history.get(epochs - 1).training(),
            DataSplit.VALIDATION, history.get(epochs - 1).validation(),
            DataSplit.TEST, Map.of(Metric.LOSS, 0.375, Metric.ACCURACY, 0.8421, Metric.F1, 0.84)),
        history, 1.6, null, confusion, null);
  }

  /** A regressor with K-fold results and no validation split. */
  static ModelReport regressor(String name, int epochs) {
    List<EpochRecord> history = new ArrayList<>();
    List<KFoldReport.EpochStatistics> curve = new ArrayList<>();
    for (int epoch = 1; epoch <= epochs; epoch++) {
      history.add(new EpochRecord(epoch, Map.of(Metric.LOSS, 100.0 / epoch, Metric.MAE, 10.0 / epoch),
          Map.of()));
      curve.add(new KFoldReport.EpochStatistics(epoch, Map.of(Metric.MAE, 2 + 8.0 / epoch),
          Map.of(Metric.MAE, 0.3)));
    }
    KFoldReport kFold = new KFoldReport(4, 1, Metric.MAE, epochs - 1, curve,
        List.of(Map.of(Metric.MAE, 2.1), Map.of(Metric.MAE, 2.5), Map.of(Metric.MAE, 2.3), Map.of(Metric.MAE, 2.7)));
    return new ModelReport(name, "com.example.Houses", Task.REGRESSION, 7,
        Map.of(DataSplit.TRAIN, history.get(epochs - 1).training(),
            DataSplit.TEST, Map.of(Metric.LOSS, 9.0, Metric.MAE, 2.4, Metric.RMSE, 3.0, Metric.R2, 0.81),
            DataSplit.KFOLD_MEAN, Map.of(Metric.MAE, 2.4), DataSplit.KFOLD_WORST, Map.of(Metric.MAE, 2.7)),
        history, 12.25, kFold, null, null);
  }

  /** A test-split threshold that asks to beat the baseline by {@code margin}. */
  static ThresholdSpec aboveBaseline(Metric metric, double margin) {
    return new ThresholdSpec(metric, DataSplit.TEST, Double.NaN, Double.NaN, margin);
  }

  /** The report with a baseline measured on the test split. */
  static ModelReport withBaseline(ModelReport report, Metric metric, double baseline) {
    return new ModelReport(report.model(), report.declaringClass(), report.task(), report.seed(),
        report.metrics(), report.history(), report.trainingSeconds(), report.kFold(),
        report.confusion(), report.provenance(), Map.of(DataSplit.TEST, Map.of(metric, baseline)));
  }

  /** The report checked as a build checks it. */
  static ModelOutcome trained(ModelReport report, ThresholdSpec... thresholds) {
    return new ModelOutcome(report.model(), report, null, Gate.check(report, List.of(thresholds)));
  }

  static ModelOutcome broken(String name, String error) {
    return new ModelOutcome(name, null, error, List.of());
  }
}
