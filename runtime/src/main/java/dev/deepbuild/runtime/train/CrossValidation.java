package dev.deepbuild.runtime.train;

import dev.deepbuild.annotations.DataSplit;
import dev.deepbuild.annotations.Metric;
import dev.deepbuild.build.TrainingLog;
import dev.deepbuild.build.result.EpochRecord;
import dev.deepbuild.build.result.KFoldReport;
import dev.deepbuild.runtime.data.EncodedLabels;
import dev.deepbuild.runtime.data.Features;
import dev.deepbuild.runtime.data.KFoldSplitter;
import dev.deepbuild.runtime.data.ModelData;
import dev.deepbuild.runtime.data.PreparedData;
import dev.deepbuild.runtime.data.SplitIndices;
import dev.deepbuild.runtime.eval.MetricsEvaluator;
import dev.deepbuild.runtime.examples.Examples;
import dev.deepbuild.runtime.model.KFoldSpec;
import dev.deepbuild.runtime.model.ModelDefinition;
import dev.deepbuild.runtime.model.ModelSpec;
import dev.deepbuild.runtime.network.NetworkConfiguration;
import dev.deepbuild.runtime.network.TrainableNetwork;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * K-fold cross-validation of a model on its training rows: for each fold a fresh network, seeded
 * as the final one is, trains on the other folds and is validated on this fold after every epoch.
 * Every data-dependent step is fitted on the other folds alone, as the final model's are on the
 * training split: the features (a text vocabulary) and the standardization. A vocabulary counted
 * on the validated fold too would know its words, and the fold metrics would be optimistic.
 */
final class CrossValidation {
  private final ModelDefinition model;
  private final ModelSpec spec;
  private final MetricsEvaluator evaluator;
  private final Metric monitored;
  private final TrainingLog log;

  CrossValidation(ModelDefinition model, MetricsEvaluator evaluator, Metric monitored, TrainingLog log) {
    this.model = model;
    this.spec = model.spec();
    this.evaluator = evaluator;
    this.monitored = monitored;
    this.log = log;
  }

  /**
   * @param labels each output's labels, in the network's order; the first stratifies the folds
   */
  KFoldReport run(Examples examples, List<EncodedLabels> labels, int[] trainingRows) {
    KFoldSpec kFold = spec.kFold();
    int runs = kFold.k() * kFold.iterations();
    List<List<EpochRecord>> histories = new ArrayList<>(runs);
    for (int iteration = 0; iteration < kFold.iterations(); iteration++) {
      List<SplitIndices> folds = KFoldSplitter.folds(spec.name(), trainingRows,
          labels.get(0).strata(), kFold.k(), spec.seed(), iteration);
      for (SplitIndices fold : folds) {
        histories.add(trainFold(examples.inputFeatures(fold.train()), labels, fold));
        log.info(foldLine(histories.size(), runs, last(histories.get(histories.size() - 1))));
      }
    }
    KFoldReport report = report(kFold, histories);
    log.info(summary(report));
    return report;
  }

  /** The cross-validation's metrics for thresholds: the folds' mean and the worst fold. */
  static Map<DataSplit, Map<Metric, Double>> metrics(KFoldReport report) {
    Map<Metric, Double> mean = new EnumMap<>(Metric.class);
    Map<Metric, Double> worst = new EnumMap<>(Metric.class);
    for (Metric metric : report.folds().get(0).keySet()) {
      List<Double> values = report.folds().stream().map(fold -> fold.get(metric)).toList();
      mean.put(metric, values.stream().mapToDouble(Double::doubleValue).average().orElseThrow());
      worst.put(metric, metric.higherIsBetter()
          ? values.stream().mapToDouble(Double::doubleValue).min().orElseThrow()
          : values.stream().mapToDouble(Double::doubleValue).max().orElseThrow());
    }
    return Map.of(DataSplit.KFOLD_MEAN, mean, DataSplit.KFOLD_WORST, worst);
  }

  private List<EpochRecord> trainFold(
      List<Features> features, List<EncodedLabels> labels, SplitIndices fold) {
    NetworkConfiguration conf = model.network(features.get(0).columns());
    ModelData folded = new ModelData(ModelInputs.forNetwork(spec.name(), conf, features), labels.stream().map(EncodedLabels::values).toList());
    FastFeatures fitted = FastFeatures.of(spec, conf.create(spec.seed()),
        PreparedData.of(folded, fold, conf.dataType(), spec.standardize()), line -> {});
    PreparedData data = fitted.data();
    TrainableNetwork net = fitted.network();
    // A fold's epochs are summed up in one line, not logged one by one.
    return new EpochLoop(spec, evaluator, monitored, line -> {})
        .run(net, data.train(), data.validation()).history();
  }

  private KFoldReport report(KFoldSpec kFold, List<List<EpochRecord>> histories) {
    List<KFoldReport.EpochStatistics> curve = new ArrayList<>(spec.epochs());
    int bestEpoch = 1;
    double bestValue = Double.NaN;
    for (int e = 0; e < spec.epochs(); e++) {
      Map<Metric, Double> mean = new EnumMap<>(Metric.class);
      Map<Metric, Double> deviation = new EnumMap<>(Metric.class);
      for (Metric metric : histories.get(0).get(e).validation().keySet()) {
        int epoch = e;
        double[] values = histories.stream()
            .mapToDouble(history -> history.get(epoch).validation().get(metric)).toArray();
        double average = Arrays.stream(values).average().orElseThrow();
        double variance = Arrays.stream(values)
            .map(v -> (v - average) * (v - average)).average().orElseThrow();
        mean.put(metric, average);
        deviation.put(metric, Math.sqrt(variance));
      }
      curve.add(new KFoldReport.EpochStatistics(e + 1, mean, deviation));
      double value = mean.get(monitored);
      if (Double.isNaN(bestValue)
          || (monitored.higherIsBetter() ? value > bestValue : value < bestValue)) {
        bestValue = value;
        bestEpoch = e + 1;
      }
    }
    List<Map<Metric, Double>> folds = histories.stream().map(h -> last(h).validation()).toList();
    return new KFoldReport(kFold.k(), kFold.iterations(), monitored, bestEpoch, curve, folds,
        kFold.finalEpochs());
  }

  private static EpochRecord last(List<EpochRecord> history) {
    return history.get(history.size() - 1);
  }

  private String foldLine(int fold, int folds, EpochRecord last) {
    String line = String.format(Locale.ROOT, "%s: fold %d/%d - epoch %d - val_loss: %.4f",
        spec.name(), fold, folds, last.epoch(), last.validation().get(Metric.LOSS));
    return monitored == Metric.LOSS ? line : line + String.format(Locale.ROOT, " - val_%s: %.4f",
        monitored.key(), last.validation().get(monitored));
  }

  /** {@code boston: k-fold: best mean val_mae 2.3512 ± 0.2101 at epoch 87 of 130 (last: ...)}. */
  private String summary(KFoldReport report) {
    KFoldReport.EpochStatistics best = report.curve().get(report.bestEpoch() - 1);
    KFoldReport.EpochStatistics last = report.curve().get(report.curve().size() - 1);
    return String.format(Locale.ROOT,
        "%s: %d-fold%s: best mean val_%s %.4f ± %.4f at epoch %d of %d (last epoch: %.4f ± %.4f)",
        spec.name(), report.k(), report.iterations() > 1 ? " x " + report.iterations() : "",
        monitored.key(), best.mean().get(monitored), best.deviation().get(monitored),
        report.bestEpoch(), report.curve().size(), last.mean().get(monitored),
        last.deviation().get(monitored));
  }
}
