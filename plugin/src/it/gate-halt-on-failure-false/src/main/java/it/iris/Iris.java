package it.iris;

import static dev.deepbuild.annotations.Activation.SOFTMAX;
import static dev.deepbuild.annotations.Loss.CATEGORICAL_CROSSENTROPY;
import static dev.deepbuild.annotations.Metric.ACCURACY;
import static dev.deepbuild.annotations.Metric.LOSS;
import static dev.deepbuild.annotations.OptimizerType.SGD;

import dev.deepbuild.annotations.CsvData;
import dev.deepbuild.annotations.Dense;
import dev.deepbuild.annotations.Layer;
import dev.deepbuild.annotations.Model;
import dev.deepbuild.annotations.Optimizer;
import dev.deepbuild.annotations.Threshold;
import dev.deepbuild.annotations.Train;

/**
 * One epoch of slow SGD on unscaled data cannot separate the three species, so it misses its
 * minimum and the baseline margin, and meets its loose maximum on the loss. It validates on a
 * table of its own (the whole table again), which gives it validation metrics without held-out rows.
 */
@Model(name = "iris")
@CsvData(resource = "iris.dat", label = 4, validationResource = "iris.dat")
@Train(epochs = 1, batchSize = 150, optimizer = @Optimizer(value = SGD, learningRate = 0.0001),
    loss = CATEGORICAL_CROSSENTROPY)
@Threshold(metric = ACCURACY, min = 0.90)
@Threshold(metric = ACCURACY, beatBaselineBy = 0.5)
@Threshold(metric = LOSS, max = 100)
class Iris {
  @Dense(units = 3, activation = SOFTMAX)
  Layer output;
}
