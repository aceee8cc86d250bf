package it.iris;

import static dev.deepbuild.annotations.Activation.RELU;
import static dev.deepbuild.annotations.Activation.SOFTMAX;
import static dev.deepbuild.annotations.Loss.CATEGORICAL_CROSSENTROPY;
import static dev.deepbuild.annotations.Metric.ACCURACY;
import static dev.deepbuild.annotations.OptimizerType.ADAM;

import dev.deepbuild.annotations.CsvData;
import dev.deepbuild.annotations.Dense;
import dev.deepbuild.annotations.Layer;
import dev.deepbuild.annotations.Model;
import dev.deepbuild.annotations.Optimizer;
import dev.deepbuild.annotations.Standardize;
import dev.deepbuild.annotations.Threshold;
import dev.deepbuild.annotations.Train;

/**
 * train-spark's model, trained by one executor of a Spark cluster. Its threshold is
 * train-spark's: the lowest single-JVM test accuracy over five seeds (0.900) less two of the 30
 * test rows.
 */
@Model(name = "iris")
@CsvData(resource = "iris.dat", label = 4)
@Standardize
@Train(epochs = 30, batchSize = 16, optimizer = @Optimizer(value = ADAM, learningRate = 0.01),
    loss = CATEGORICAL_CROSSENTROPY)
@Threshold(metric = ACCURACY, min = 0.83)
class Iris {
  @Dense(units = 8, activation = RELU)
  Layer hidden;

  @Dense(units = 3, activation = SOFTMAX)
  Layer output;
}
