package it.digits;

import static dev.deepbuild.annotations.Activation.SOFTMAX;
import static dev.deepbuild.annotations.Loss.CATEGORICAL_CROSSENTROPY;
import static dev.deepbuild.annotations.Metric.ACCURACY;
import static dev.deepbuild.annotations.OptimizerType.ADAM;

import dev.deepbuild.annotations.CsvData;
import dev.deepbuild.annotations.Dense;
import dev.deepbuild.annotations.Layer;
import dev.deepbuild.annotations.Model;
import dev.deepbuild.annotations.Optimizer;
import dev.deepbuild.annotations.Pretrained;
import dev.deepbuild.annotations.Standardize;
import dev.deepbuild.annotations.Threshold;
import dev.deepbuild.annotations.Train;

/** Classes 5-9 on the frozen features of the digits model: feature extraction. */
@Model(name = "high")
@CsvData(file = "high.csv", label = 4)
@Standardize
@Train(epochs = 20, batchSize = 16, optimizer = @Optimizer(value = ADAM, learningRate = 0.01),
    loss = CATEGORICAL_CROSSENTROPY)
@Threshold(metric = ACCURACY, min = 0.50)
class HighDigits {
  @Pretrained(model = DigitsBase.class)
  Layer base;

  @Dense(units = 5, activation = SOFTMAX)
  Layer output;
}
