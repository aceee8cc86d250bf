package dev.deepbuild.samples.digits;

import static dev.deepbuild.annotations.Activation.SOFTMAX;
import static dev.deepbuild.annotations.BuiltinDataset.MNIST;
import static dev.deepbuild.annotations.Loss.CATEGORICAL_CROSSENTROPY;
import static dev.deepbuild.annotations.Metric.ACCURACY;
import static dev.deepbuild.annotations.OptimizerType.RMSPROP;

import dev.deepbuild.annotations.Dataset;
import dev.deepbuild.annotations.Dense;
import dev.deepbuild.annotations.Layer;
import dev.deepbuild.annotations.Model;
import dev.deepbuild.annotations.Optimizer;
import dev.deepbuild.annotations.Pretrained;
import dev.deepbuild.annotations.Rescaling;
import dev.deepbuild.annotations.Threshold;
import dev.deepbuild.annotations.Train;

/**
 * Feature extraction: the digits 5 to 9 from 500 training images, a new 5-way classifier on
 * {@link LowDigits}' frozen convolutions (their outputs computed once per split). Thresholds: see
 * the README's table of measured results.
 */
@Model(name = "digits-high-frozen", seed = 42)
@Dataset(value = MNIST, classes = {5, 6, 7, 8, 9}, trainingSamples = 500)
@Rescaling(1 / 255.0)
@Train(epochs = 20, batchSize = 32, optimizer = @Optimizer(RMSPROP),
    loss = CATEGORICAL_CROSSENTROPY)
@Threshold(metric = ACCURACY, min = 0.94)
class HighDigitsFrozen {
  @Pretrained(model = LowDigits.class)
  Layer base;

  @Dense(units = 5, activation = SOFTMAX)
  Layer output;
}
