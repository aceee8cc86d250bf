package dev.deepbuild.build.report;

import dev.deepbuild.annotations.DataSplit;
import dev.deepbuild.annotations.Metric;
import dev.deepbuild.annotations.Task;
import dev.deepbuild.build.report.LineChart.Band;
import dev.deepbuild.build.report.LineChart.Mark;
import dev.deepbuild.build.report.LineChart.Point;
import dev.deepbuild.build.report.LineChart.Series;
import dev.deepbuild.build.result.EpochRecord;
import dev.deepbuild.build.result.KFoldReport.EpochStatistics;
import dev.deepbuild.build.result.KFoldReport;
import dev.deepbuild.build.result.ModelReport;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The charts of a model's report: loss, and the metric the training log shows (accuracy for a
 * classifier, MAE for a regressor), per epoch on the training and validation data; and with K-fold
 * validation, the monitored metric's mean across folds with a band of one standard deviation and its
 * best epoch marked.
 */
final class LearningCurves {
  static final String TRAINING = "#1f6fb4";
  static final String VALIDATION = "#e8710a";
  static final String K_FOLD = "#2a9d46";

  private LearningCurves() {}

  /**
   * The loss chart, then the shown metric's, then each output's of a model of several; a chart
   * with nothing finite to draw is left out.
   */
  static List<LineChart> of(ModelReport report) {
    Metric shown = Metric.shown(report.task());
    List<LineChart> charts = new ArrayList<>();
    perEpoch(report.history(), "", EpochRecord::training, EpochRecord::validation, Metric.LOSS)
        .ifPresent(charts::add);
    perEpoch(report.history(), "", EpochRecord::training, EpochRecord::validation, shown)
        .ifPresent(charts::add);
    for (String output : report.outputs().keySet()) {
      Metric outputShown = report.outputs().get(output).get(DataSplit.TEST)
          .containsKey(Metric.ACCURACY) ? Metric.ACCURACY : Metric.MAE;
      for (Metric metric : List.of(Metric.LOSS, outputShown)) {
        perEpoch(report.history(), output + " ",
            record -> record.trainingOutputs().getOrDefault(output, Map.of()),
            record -> record.validationOutputs().getOrDefault(output, Map.of()), metric)
            .ifPresent(charts::add);
      }
    }
    return charts;
  }

  /** The K-fold chart, when the report has K-fold results with a finite mean. */
  static Optional<LineChart> kFold(ModelReport report) {
    KFoldReport kFold = report.kFold();
    if (kFold == null) {
      return Optional.empty();
    }
    Metric metric = kFold.monitored();
    List<EpochStatistics> curve = kFold.curve();
    Series mean = new Series("mean validation " + Numbers.name(metric), K_FOLD,
        points(curve, EpochStatistics::epoch, epoch -> epoch.mean().get(metric)));
    Band band = new Band("± 1 std", K_FOLD,
        points(curve, EpochStatistics::epoch, epoch -> bound(epoch, metric, -1)),
        points(curve, EpochStatistics::epoch, epoch -> bound(epoch, metric, 1)));
    Mark best = new Mark(kFold.bestEpoch(), "best epoch " + kFold.bestEpoch());
    LineChart chart = new LineChart(
        Numbers.name(metric) + " across " + folds(kFold) + " (mean ± 1 standard deviation)", "epoch",
        "validation " + Numbers.name(metric), List.of(mean), band, best);
    return drawable(chart);
  }

  /**
   * @param prefix what the chart is of, before the metric's name: {@code ""} for the model, an
   *     output's name and a space for one output
   */
  private static Optional<LineChart> perEpoch(List<EpochRecord> history, String prefix,
      Function<EpochRecord, Map<Metric, Double>> training,
      Function<EpochRecord, Map<Metric, Double>> validation, Metric metric) {
    List<Series> series = new ArrayList<>();
    series.add(new Series("training", TRAINING,
        points(history, EpochRecord::epoch, record -> training.apply(record).get(metric))));
    if (history.stream().anyMatch(record -> validation.apply(record).containsKey(metric))) {
      series.add(new Series("validation", VALIDATION,
          points(history, EpochRecord::epoch, record -> validation.apply(record).get(metric))));
    }
    String name = prefix + Numbers.name(metric);
    return drawable(new LineChart(capitalized(name) + " per epoch", "epoch", name, series, null, null));
  }

  private static Optional<LineChart> drawable(LineChart chart) {
    return chart.finitePoints().findAny().isPresent() ? Optional.of(chart) : Optional.empty();
  }

  /** One point per entry; a missing value becomes NaN, a gap in the line. */
  private static <T> List<Point> points(
      List<T> entries, Function<T, Integer> epoch, Function<T, Double> value) {
    return entries.stream().map(entry -> {
      Double y = value.apply(entry);
      return new Point(epoch.apply(entry), y == null ? Double.NaN : y);
    }).toList();
  }

  private static Double bound(EpochStatistics epoch, Metric metric, int sign) {
    Double mean = epoch.mean().get(metric);
    Double deviation = epoch.deviation().get(metric);
    return mean == null || deviation == null ? null : mean + sign * deviation;
  }

  /** {@code 4 folds} or {@code 4 folds × 3 iterations}. */
  static String folds(KFoldReport kFold) {
    return kFold.k() + " folds" + (kFold.iterations() > 1 ? " × " + kFold.iterations() + " iterations" : "");
  }

  private static String capitalized(String name) {
    return Character.toUpperCase(name.charAt(0)) + name.substring(1);
  }
}
