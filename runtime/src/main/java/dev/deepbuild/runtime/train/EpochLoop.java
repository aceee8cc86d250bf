package dev.deepbuild.runtime.train;

import dev.deepbuild.annotations.Metric;
import dev.deepbuild.runtime.eval.MetricsEvaluator;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.dataset.DataSet;

/**
 * Trains a network for its epochs and records the learning curve.
 *
 * <p>An epoch's training metrics are measured on the whole training split with the weights at the
 * end of the epoch, in inference mode, like its validation metrics, so the two are comparable.
 * Keras instead reports a running mean over the epoch's minibatches, measured while the weights
 * change and with dropout active; that costs no extra pass, but it mixes weights of different ages.
 */
final class EpochLoop {
  private final String model;
  private final int epochs;
  private final int batchSize;
  private final long seed;
  private final MetricsEvaluator evaluator;
  private final Metric shown;
  private final TrainingLog log;

  /**
   * @param shown the metric beside the loss in each progress line (accuracy or MAE)
   */
  EpochLoop(String model, int epochs, int batchSize, long seed, MetricsEvaluator evaluator,
      Metric shown, TrainingLog log) {
    this.model = model;
    this.epochs = epochs;
    this.batchSize = batchSize;
    this.seed = seed;
    this.evaluator = evaluator;
    this.shown = shown;
    this.log = log;
  }

  List<EpochRecord> run(MultiLayerNetwork net, DataSet train, Optional<DataSet> validation) {
    ShuffledBatches batches = new ShuffledBatches(train, batchSize, seed);
    List<EpochRecord> history = new ArrayList<>(epochs);
    for (int epoch = 1; epoch <= epochs; epoch++) {
      EpochProgress progress = new EpochProgress(model, epoch, epochs, train.numExamples(), log,
          System::nanoTime, EpochProgress.DEFAULT_INTERVAL_NANOS);
      batches.nextEpoch(net::fit, progress::trained);
      net.incrementEpochCount();
      Map<Metric, Double> trainMetrics = evaluator.evaluate(net, train);
      Map<Metric, Double> validationMetrics =
          validation.map(data -> evaluator.evaluate(net, data)).orElse(Map.of());
      history.add(new EpochRecord(epoch, trainMetrics, validationMetrics));
      log.info(line(epoch, trainMetrics, validationMetrics));
    }
    return history;
  }

  /** Keras's progress line: {@code iris: epoch 3/60 - loss: 0.5120 - accuracy: 0.8444 - val_loss: ...}. */
  private String line(int epoch, Map<Metric, Double> train, Map<Metric, Double> validation) {
    StringBuilder line = new StringBuilder(model + ": epoch " + epoch + "/" + epochs);
    for (Metric metric : List.of(Metric.LOSS, shown)) {
      line.append(format("", metric, train));
    }
    for (Metric metric : validation.isEmpty() ? List.<Metric>of() : List.of(Metric.LOSS, shown)) {
      line.append(format("val_", metric, validation));
    }
    return line.toString();
  }

  private static String format(String prefix, Metric metric, Map<Metric, Double> values) {
    return String.format(Locale.ROOT, " - %s%s: %.4f", prefix, metric.key(), values.get(metric));
  }
}
