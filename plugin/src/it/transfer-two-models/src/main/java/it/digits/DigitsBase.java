package it.digits;

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

/** Learns classes 0-4; its hidden layers are what the other models build on. */
@Model(name = "digits")
@CsvData(file = "low.csv", label = 4)
@Standardize
@Train(epochs = 20, batchSize = 16, optimizer = @Optimizer(value = ADAM, learningRate = 0.01),
    loss = CATEGORICAL_CROSSENTROPY)
@Threshold(metric = ACCURACY, min = 0.70)
class DigitsBase {
  @Dense(units = 16, activation = RELU)
  Layer features;

  @Dense(units = 8, activation = RELU)
  Layer top;

  @Dense(units = 5, activation = SOFTMAX)
  Layer output;
}
