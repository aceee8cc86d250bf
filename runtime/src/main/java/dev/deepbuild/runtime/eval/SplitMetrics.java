package dev.deepbuild.runtime.eval;

import dev.deepbuild.annotations.Metric;
import dev.deepbuild.runtime.network.NetworkOutput;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Sums a network's loss and metrics over the pieces of one split: the chunks of an evaluation or
 * the minibatches of a training epoch. Each piece's mean loss counts by its rows, so the total is
 * the mean loss per row of the split; with several outputs each output's own loss is computed from
 * its outputs, unweighted (Keras's {@code topic_loss}).
 */
public final class SplitMetrics {
  private final List<Head> heads;
  private final List<MetricAccumulator> accumulators;
  private final double[] headLossSums;
  private double lossSum;
  private long rows;

  /**
   * @param heads the outputs of a network of several; empty for one
   * @param accumulators one per output
   */
  SplitMetrics(List<Head> heads, List<MetricAccumulator> accumulators) {
    this.heads = heads;
    this.accumulators = accumulators;
    this.headLossSums = new double[heads.size()];
  }

  /**
   * Adds a piece of the split.
   *
   * @param meanLoss the network's mean loss per row of the piece
   * @param labels one array per output
   * @param outputs the network's outputs for the piece, one array per output
   */
  public void add(double meanLoss, INDArray[] labels, INDArray[] outputs) {
    double[] outputLosses = new double[heads.size()];
    for (int h = 0; h < outputLosses.length; h++) {
      outputLosses[h] = heads.get(h).output().meanLoss(labels[h], outputs[h]);
    }
    add(meanLoss, outputLosses, labels, outputs);
  }

  /**
   * Adds a chunk of the split from the network's inference-mode outputs, its loss computed from
   * them: each output's loss function on its outputs, weighted and summed, plus the network's
   * L1/L2 penalty, as DL4J's score adds them.
   *
   * @param networkOutputs the network's output layers, in its order
   * @param penalty the network's L1/L2 penalty on its current parameters
   */
  public void addPredicted(List<NetworkOutput> networkOutputs, double penalty, INDArray[] labels,
      INDArray[] outputs) {
    double[] outputLosses = new double[outputs.length];
    double loss = penalty;
    for (int h = 0; h < outputs.length; h++) {
      NetworkOutput output = networkOutputs.get(h);
      outputLosses[h] = output.meanLoss(labels[h], outputs[h]);
      loss += output.weight() * outputLosses[h];
    }
    add(loss, outputLosses, labels, outputs);
  }

  /** Adds a piece whose loss, and each output's own (used with several outputs), are known. */
  private void add(double meanLoss, double[] outputLosses, INDArray[] labels, INDArray[] outputs) {
    long pieceRows = labels[0].size(0);
    lossSum += meanLoss * pieceRows;
    for (int h = 0; h < accumulators.size(); h++) {
      if (!heads.isEmpty()) {
        headLossSums[h] += outputLosses[h] * pieceRows;
      }
      accumulators.get(h).add(labels[h], outputs[h]);
    }
    rows += pieceRows;
  }

  /** The rows added so far. */
  public long rows() {
    return rows;
  }

  /** The loss and metrics over everything added. */
  public Evaluation evaluation() {
    if (heads.isEmpty()) {
      return new Evaluation(values(lossSum, accumulators.get(0)), Map.of());
    }
    Map<String, Map<Metric, Double>> byHead = new LinkedHashMap<>();
    for (int h = 0; h < heads.size(); h++) {
      byHead.put(heads.get(h).name(), values(headLossSums[h], accumulators.get(h)));
    }
    return new Evaluation(Map.of(Metric.LOSS, lossSum / rows), byHead);
  }

  private Map<Metric, Double> values(double lossSum, MetricAccumulator metrics) {
    Map<Metric, Double> values = new EnumMap<>(Metric.class);
    values.put(Metric.LOSS, lossSum / rows);
    values.putAll(metrics.values());
    return values;
  }
}
