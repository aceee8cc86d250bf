package dev.deepbuild.spark;

import dev.deepbuild.runtime.data.Batches;
import dev.deepbuild.runtime.network.Dl4jNetworks;
import dev.deepbuild.runtime.network.EpochFit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.IntConsumer;
import org.apache.spark.api.java.JavaSparkContext;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.spark.api.RDDTrainingApproach;
import org.deeplearning4j.spark.impl.graph.SparkComputationGraph;
import org.deeplearning4j.spark.impl.multilayer.SparkDl4jMultiLayer;
import org.deeplearning4j.spark.impl.paramavg.ParameterAveragingTrainingMaster;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.dataset.MultiDataSet;

/**
 * One epoch on Spark: the epoch's minibatches, in their seeded order, become an RDD that DL4J's
 * Spark network fits with parameter averaging. The Spark network wraps the epoch loop's own DL4J
 * network, into which DL4J puts the averaged parameters and updater state after each fit, so the
 * loop measures and saves the trained network as it does after a local epoch.
 */
final class SparkEpochFits implements Dl4jNetworks<EpochFit> {
  private final JavaSparkContext spark;
  private final ParameterAveragingTrainingMaster master;

  SparkEpochFits(JavaSparkContext spark, SparkSettings settings, int batchSize, long seed) {
    this.spark = spark;
    // Direct: workers take the minibatches as they are. DL4J's default (Export) first writes
    // each epoch's minibatches to files, which cost 7.5 s against 0.8 s an epoch in a 20-batch trial.
    this.master = new ParameterAveragingTrainingMaster.Builder(batchSize)
        .batchSizePerWorker(batchSize)
        .averagingFrequency(settings.averagingFrequency())
        .rddTrainingApproach(RDDTrainingApproach.Direct)
        .workerPrefetchNumBatches(0)
        .rngSeed(seed)
        .collectTrainingStats(false)
        .build();
  }

  @Override
  public EpochFit sequential(MultiLayerNetwork network) {
    SparkDl4jMultiLayer sparkNetwork = new SparkDl4jMultiLayer(spark, network, master);
    return (epochs, progress) -> {
      List<DataSet> batches = new ArrayList<>();
      int rows = collect(epochs, (features, labels) ->
          batches.add(new DataSet(features[0], labels[0])));
      int epoch = network.getEpochCount();
      sparkNetwork.fit(spark.parallelize(batches, spark.defaultParallelism()));
      // The epoch loop counts epochs (TrainableNetwork.endEpoch); DL4J's Spark fit counts too.
      network.setEpochCount(epoch);
      progress.accept(rows);
    };
  }

  @Override
  public EpochFit graph(ComputationGraph graph) {
    SparkComputationGraph sparkGraph = new SparkComputationGraph(spark, graph, master);
    return (epochs, progress) -> {
      List<org.nd4j.linalg.dataset.api.MultiDataSet> batches = new ArrayList<>();
      int rows = collect(epochs, (features, labels) ->
          batches.add(new MultiDataSet(features, labels)));
      int epoch = graph.getEpochCount();
      sparkGraph.fitMultiDataSet(spark.parallelize(batches, spark.defaultParallelism()));
      graph.getConfiguration().setEpochCount(epoch);
      progress.accept(rows);
    };
  }

  /**
   * Passes copies of the next epoch's minibatches to {@code batch} (a split may reuse its
   * buffers from one minibatch to the next) and returns the rows they hold.
   */
  private static int collect(Batches.Epochs epochs,
      java.util.function.BiConsumer<INDArray[], INDArray[]> batch) {
    int[] rows = {0};
    IntConsumer counted = fitted -> rows[0] = fitted;
    epochs.nextEpoch((features, labels) -> batch.accept(copies(features), copies(labels)), counted);
    return rows[0];
  }

  private static INDArray[] copies(INDArray[] arrays) {
    return Arrays.stream(arrays).map(INDArray::dup).toArray(INDArray[]::new);
  }
}
