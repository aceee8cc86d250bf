package dev.deepbuild.runtime.train;

import dev.deepbuild.annotations.Metric;
import dev.deepbuild.build.TrainingLog;
import dev.deepbuild.build.result.EpochRecord;
import dev.deepbuild.runtime.data.Batches;
import dev.deepbuild.runtime.eval.Evaluation;
import dev.deepbuild.runtime.eval.MetricsEvaluator;
import dev.deepbuild.runtime.model.EarlyStoppingSpec;
import dev.deepbuild.runtime.model.ModelSpec;
import dev.deepbuild.runtime.model.ScheduleSpec;
import dev.deepbuild.runtime.network.EpochFit;
import dev.deepbuild.runtime.network.NativeGarbage;
import dev.deepbuild.runtime.network.TrainableNetwork;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.api.MultiDataSet;

/**
 * Trains a network for its epochs and records the learning curve.
 *
 * <p>An epoch's training metrics are Keras's: summed over the minibatches the epoch fits, from each
 * one's training forward pass (dropout active, the weights before that minibatch's update), the
 * loss weighted by the minibatch's rows and with the L1/L2 penalty; they cost no second pass over
 * the training data. They lag the weights at the end of the epoch, which the validation metrics
 * are measured with, in inference mode. A network that cannot tell its training pass is measured
 * on the training split at the end of each epoch instead, in one forward pass ({@link
 * MetricsEvaluator#measure}).
 */
final class EpochLoop {
  private final String model;
  private final int epochs;
  private final int batchSize;
  private final long seed;
  private final EarlyStoppingSpec earlyStopping;
  /** The output whose metric early stopping and the best checkpoint watch; empty: the model's. */
  private final String monitoredOutput;
  private final ScheduleSpec schedule;
  private final MetricsEvaluator evaluator;
  private final Metric shown;
  private final Map<String, Metric> shownByOutput = new HashMap<>();
  private final TrainingLog log;
  private final ModelSpec spec;

  /**
   * @param shown the metric beside the loss in each progress line (accuracy or MAE)
   */
  EpochLoop(ModelSpec spec, MetricsEvaluator evaluator, Metric shown, TrainingLog log) {
    this.model = spec.name();
    this.epochs = spec.epochs();
    this.batchSize = spec.batchSize();
    this.seed = spec.seed();
    this.earlyStopping = spec.earlyStopping();
    this.monitoredOutput = earlyStopping == null ? "" : earlyStopping.output();
    this.schedule = spec.schedule();
    this.evaluator = evaluator;
    this.shown = shown;
    spec.outputs().forEach(output -> shownByOutput.put(output.name(), Metric.shown(output.task())));
    this.log = log;
    this.spec = spec;
  }

  /** Trains without checkpoints, as a cross-validation fold does. */
  TrainingRun run(TrainableNetwork net, Batches train, Optional<Batches> validation) {
    return run(net, train, validation, Optional.empty());
  }

  /** Trains on arrays held in memory without checkpoints. */
  TrainingRun run(TrainableNetwork net, MultiDataSet train, Optional<MultiDataSet> validation) {
    return run(net, train, validation, Optional.empty());
  }

  /** Trains on arrays held in memory; see {@link #run(TrainableNetwork, Batches, Optional, Optional)}. */
  TrainingRun run(TrainableNetwork net, MultiDataSet train, Optional<MultiDataSet> validation,
      Optional<Checkpoints> checkpoints) {
    return run(net, Batches.inMemory(train), validation.map(Batches::inMemory), checkpoints);
  }

  /**
   * Trains for the spec's epochs or until early stopping ends it. The best epoch is judged by the
   * early-stopping metric, or by the validation loss without early stopping; its weights are kept
   * when early stopping restores them, whatever ended the run.
   */
  TrainingRun run(TrainableNetwork net, Batches train, Optional<Batches> validation,
      Optional<Checkpoints> checkpoints) {
    Batches.Epochs batches = train.shuffled(batchSize, seed);
    FittedOutputs fitted = new FittedOutputs(evaluator, train.rows());
    Optional<LearningRates> rates =
        Optional.ofNullable(schedule).map(s -> new LearningRates(model, s, log));
    Optional<Improvement> best = validation.map(v -> earlyStopping == null
        ? new Improvement(Metric.LOSS, 0)
        : new Improvement(earlyStopping.monitor(), earlyStopping.minDelta()));
    Optional<EpochFit> elsewhere = TrainingBackends.start(net, spec);
    INDArray bestParams = null;
    List<EpochRecord> history = new ArrayList<>(epochs);
    String endedBy = "all " + epochs + " epochs";
    for (int epoch = 1; epoch <= epochs; epoch++) {
      int current = epoch;
      rates.ifPresent(r -> r.beforeEpoch(net, current));
      EpochProgress progress = new EpochProgress(model, epoch, epochs, train.rows(), log,
          System::nanoTime, EpochProgress.DEFAULT_INTERVAL_NANOS);
      Evaluation trainEvaluation = fitEpoch(net, elsewhere, batches, train, fitted, progress);
      Optional<Evaluation> validationEvaluation = validation.map(data -> evaluator.measure(net, data));
      Map<Metric, Double> validationMetrics =
          validationEvaluation.map(Evaluation::metrics).orElse(Map.of());
      EpochRecord record = new EpochRecord(epoch, trainEvaluation.metrics(), validationMetrics,
          trainEvaluation.outputs(), validationEvaluation.map(Evaluation::outputs).orElse(Map.of()));
      history.add(record);
      log.info(line(record));
      rates.ifPresent(r -> r.afterEpoch(net, current, record));

      if (best.isPresent() && best.get().offer(epoch, record.validation(monitoredOutput)
          .get(best.get().metric()))) {
        if (earlyStopping != null && earlyStopping.restoreBestWeights()) {
          bestParams = net.parameters();
        }
        checkpoints.ifPresent(c -> c.saveBest(net));
      }
      boolean stopped = earlyStopping != null && best.isPresent()
          && best.get().epochsWithout() >= earlyStopping.patience();
      checkpoints.ifPresent(c -> c.saveLast(net, stopped || current == epochs));
      if (stopped) {
        endedBy = "early stopping: " + monitored(earlyStopping.monitor()) + " did not improve for "
            + earlyStopping.patience() + " epochs";
        break;
      }
    }
    int kept = history.size();
    if (bestParams != null) {
      net.setParameters(bestParams);
      kept = best.get().bestEpoch();
    }
    logEnd(best, history.size(), kept, endedBy);
    return new TrainingRun(history, kept, endedBy);
  }

  /**
   * Fits an epoch's minibatches and gives its training metrics: those of the minibatches as they
   * trained here, or, when a backend trained them elsewhere, one forward pass over the split.
   */
  private Evaluation fitEpoch(TrainableNetwork net, Optional<EpochFit> elsewhere,
      Batches.Epochs batches, Batches train, FittedOutputs fitted, EpochProgress progress) {
    if (elsewhere.isPresent()) {
      elsewhere.get().epoch(batches, progress::trained);
      net.endEpoch();
      return evaluator.measure(net, train);
    }
    batches.nextEpoch((features, labels) -> {
      net.fit(features, labels, fitted.of(labels));
      NativeGarbage.collectIfAbove();
    }, progress::trained);
    net.endEpoch();
    return fitted.measure().orElseGet(() -> evaluator.measure(net, train));
  }

  private void logEnd(Optional<Improvement> best, int trained, int kept, String endedBy) {
    if (earlyStopping == null) {
      return;
    }
    Improvement improvement = best.orElseThrow();
    log.info(String.format(Locale.ROOT, "%s: training ended after epoch %d (%s); kept epoch %d,"
        + " best %s %.4f", model, trained, endedBy, kept, monitored(improvement.metric()),
        improvement.best()));
  }

  /** The watched metric as the progress line names it: {@code val_loss}, {@code val_topic_loss}. */
  private String monitored(Metric metric) {
    return "val_" + (monitoredOutput.isEmpty() ? "" : monitoredOutput + "_") + metric.key();
  }

  /**
   * Keras's progress line: {@code iris: epoch 3/60 - loss: 0.5120 - accuracy: 0.8444 - val_loss:
   * ...}; with several outputs the total loss, then each output's, as {@code topic_loss}.
   */
  private String line(EpochRecord record) {
    StringBuilder line = new StringBuilder(model + ": epoch " + record.epoch() + "/" + epochs);
    append(line, "", record.training(), record.trainingOutputs());
    if (!record.validation().isEmpty()) {
      append(line, "val_", record.validation(), record.validationOutputs());
    }
    return line.toString();
  }

  private void append(StringBuilder line, String prefix, Map<Metric, Double> model,
      Map<String, Map<Metric, Double>> outputs) {
    if (outputs.isEmpty()) {
      line.append(format(prefix, Metric.LOSS, model)).append(format(prefix, shown, model));
      return;
    }
    line.append(format(prefix, Metric.LOSS, model));
    outputs.forEach((name, values) -> line.append(format(prefix + name + "_", Metric.LOSS, values))
        .append(format(prefix + name + "_", shownByOutput.get(name), values)));
  }

  private static String format(String prefix, Metric metric, Map<Metric, Double> values) {
    return String.format(Locale.ROOT, " - %s%s: %.4f", prefix, metric.key(), values.get(metric));
  }


}
