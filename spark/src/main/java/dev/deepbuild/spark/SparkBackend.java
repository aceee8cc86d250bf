package dev.deepbuild.spark;

import dev.deepbuild.build.spark.Spark;
import dev.deepbuild.runtime.model.ModelSpec;
import dev.deepbuild.runtime.network.TrainableNetwork;
import dev.deepbuild.runtime.network.EpochFit;
import dev.deepbuild.runtime.train.TrainingBackend;

/**
 * The {@code spark} training backend: each epoch trains on Spark ({@link SparkEpochFits}), on
 * the master {@link SparkSettings} names, {@code local[*]} by default (a Spark session in the
 * training JVM, one worker per core).
 */
public final class SparkBackend implements TrainingBackend {
  @Override
  public String name() {
    return Spark.BACKEND;
  }

  @Override
  public EpochFit start(TrainableNetwork network, ModelSpec spec) {
    SparkSettings settings = SparkSettings.fromSystemProperties();
    return network.accept(new SparkEpochFits(SparkContexts.shared(settings), settings,
        spec.batchSize(), spec.seed()));
  }

  @Override
  public String describe(ModelSpec spec) {
    SparkSettings settings = SparkSettings.fromSystemProperties();
    return settings.describe(SparkContexts.master(settings), spec.batchSize(), spec.seed());
  }
}
