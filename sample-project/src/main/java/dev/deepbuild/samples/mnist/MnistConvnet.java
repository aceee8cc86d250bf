package dev.deepbuild.samples.mnist;

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
 * The book's first convnet (chapter 8.1): three 3x3 convolutions of 32, 64 and 128 filters with
 * 2x2 max pooling between them, flattened into a 10-way softmax; 104,202 parameters. Trained on
 * all 60,000 MNIST training digits and tested on the official 10,000. Thresholds: see the README's
 * table of measured results.
 */
@Model(name = "mnist-convnet", seed = 42)
@Dataset(MNIST)
@Rescaling(1 / 255.0)
@Train(epochs = 2, batchSize = 64, optimizer = @Optimizer(RMSPROP),
    loss = CATEGORICAL_CROSSENTROPY)
@Threshold(metric = ACCURACY, min = 0.97)
class MnistConvnet {
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

  @Dense(units = 10, activation = SOFTMAX)
  Layer output;
}
