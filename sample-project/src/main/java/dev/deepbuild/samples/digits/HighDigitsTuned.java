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
 * Fine-tuning: the digits 5 to 9 from the same 500 images, the same classifier on {@link LowDigits},
 * whose last convolution trains too, at a tenth of the learning rate. Thresholds: see
 * the README's table of measured results.
 */
@Model(name = "digits-high-tuned", seed = 42)
@Dataset(value = MNIST, classes = {5, 6, 7, 8, 9}, trainingSamples = 500)
@Rescaling(1 / 255.0)
@Train(epochs = 20, batchSize = 32, optimizer = @Optimizer(RMSPROP),
    loss = CATEGORICAL_CROSSENTROPY)
@Threshold(metric = ACCURACY, min = 0.94)
class HighDigitsTuned {
  @Pretrained(model = LowDigits.class, trainable = 1, fineTuneLearningRate = 1e-4)
  Layer base;

  @Dense(units = 5, activation = SOFTMAX)
  Layer output;
}
