package dev.deepbuild.samples.digits;

import static dev.deepbuild.annotations.Activation.RELU;
import static dev.deepbuild.annotations.Activation.SOFTMAX;
import static dev.deepbuild.annotations.BuiltinDataset.MNIST;
import static dev.deepbuild.annotations.Loss.CATEGORICAL_CROSSENTROPY;
import static dev.deepbuild.annotations.Metric.ACCURACY;
import static dev.deepbuild.annotations.OptimizerType.RMSPROP;

import dev.deepbuild.annotations.Conv2D;
import dev.deepbuild.annotations.Dataset;
import dev.deepbuild.annotations.Dense;
import dev.deepbuild.annotations.Flatten;
import dev.deepbuild.annotations.Layer;
import dev.deepbuild.annotations.MaxPooling2D;
import dev.deepbuild.annotations.Model;
import dev.deepbuild.annotations.Optimizer;
import dev.deepbuild.annotations.Rescaling;
import dev.deepbuild.annotations.Threshold;
import dev.deepbuild.annotations.Train;

/**
 * The base: the book's MNIST convnet on the digits 0 to 4 only (30,596 training images, one
 * epoch), tested on the official test images of those digits. Thresholds: see the README's table
 * of measured results.
 */
@Model(name = "digits-low", seed = 42)
@Dataset(value = MNIST, classes = {0, 1, 2, 3, 4})
@Rescaling(1 / 255.0)
@Train(epochs = 1, batchSize = 64, optimizer = @Optimizer(RMSPROP),
    loss = CATEGORICAL_CROSSENTROPY)
@Threshold(metric = ACCURACY, min = 0.98)
class LowDigits {
  @Conv2D(filters = 32, kernel = 3, activation = RELU)
  Layer conv1;

  @MaxPooling2D(2)
  Layer pool1;

  @Conv2D(filters = 64, kernel = 3, activation = RELU)
  Layer conv2;

  @MaxPooling2D(2)
  Layer pool2;

  @Conv2D(filters = 128, kernel = 3, activation = RELU)
  Layer conv3;

  @Flatten
  Layer flatten;

  @Dense(units = 5, activation = SOFTMAX)
  Layer output;
}
