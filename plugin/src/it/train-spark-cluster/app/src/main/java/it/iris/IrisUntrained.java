package it.iris;

import static dev.deepbuild.annotations.Activation.RELU;
import static dev.deepbuild.annotations.Activation.SOFTMAX;
import static dev.deepbuild.annotations.Loss.CATEGORICAL_CROSSENTROPY;
import static dev.deepbuild.annotations.Metric.ACCURACY;
import static dev.deepbuild.annotations.OptimizerType.SGD;

import dev.deepbuild.annotations.CsvData;
import dev.deepbuild.annotations.Dense;
import dev.deepbuild.annotations.Layer;
import dev.deepbuild.annotations.Model;
import dev.deepbuild.annotations.Optimizer;
import dev.deepbuild.annotations.Standardize;
import dev.deepbuild.annotations.Threshold;
import dev.deepbuild.annotations.Train;

/**
 * A model that must miss its threshold, so that the spark-submit job is seen to fail: one epoch
 * of plain SGD at a tiny rate leaves it near chance (a third), far below its minimum.
 */
@Model(name = "iris-untrained")
@CsvData(resource = "iris.dat", label = 4)
@Standardize
@Train(epochs = 1, batchSize = 16, optimizer = @Optimizer(value = SGD, learningRate = 1e-5),
    loss = CATEGORICAL_CROSSENTROPY)
@Threshold(metric = ACCURACY, min = 0.99)
class IrisUntrained {
  @Dense(units = 8, activation = RELU)
  Layer hidden;

  @Dense(units = 3, activation = SOFTMAX)
  Layer output;
}
