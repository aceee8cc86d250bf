package dev.deepbuild.samples.overfitting;

import static dev.deepbuild.annotations.Activation.RELU;
import static dev.deepbuild.annotations.Activation.SIGMOID;
import static dev.deepbuild.annotations.BuiltinDataset.IMDB;
import static dev.deepbuild.annotations.Loss.BINARY_CROSSENTROPY;
import static dev.deepbuild.annotations.Metric.ACCURACY;
import static dev.deepbuild.annotations.OptimizerType.RMSPROP;

import dev.deepbuild.annotations.Dataset;
import dev.deepbuild.annotations.Dense;
import dev.deepbuild.annotations.Regularization;
import dev.deepbuild.annotations.Layer;
import dev.deepbuild.annotations.Model;
import dev.deepbuild.annotations.Optimizer;
import dev.deepbuild.annotations.TextVectorization;
import dev.deepbuild.annotations.Threshold;
import dev.deepbuild.annotations.Train;

/** The original with Keras's l2(0.002) on the weights of its hidden layers, as the book. */
@Model(name = "imdb-l2", seed = 42)
@Dataset(value = IMDB, validation = 0.4)
@TextVectorization(maxTokens = 10_000)
@Regularization(l2 = 0.002)
@Train(epochs = 20, batchSize = 512, optimizer = @Optimizer(RMSPROP), loss = BINARY_CROSSENTROPY)
@Threshold(metric = ACCURACY, min = 0.85)
class ImdbL2 {
  @Dense(units = 16, activation = RELU)
  Layer first;

  @Dense(units = 16, activation = RELU)
  Layer second;

  @Dense(units = 1, activation = SIGMOID, l2 = 0)
  Layer output;
}
