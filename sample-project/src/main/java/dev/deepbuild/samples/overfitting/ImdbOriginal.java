package dev.deepbuild.samples.overfitting;

import static dev.deepbuild.annotations.Activation.RELU;
import static dev.deepbuild.annotations.Activation.SIGMOID;
import static dev.deepbuild.annotations.BuiltinDataset.IMDB;
import static dev.deepbuild.annotations.Loss.BINARY_CROSSENTROPY;
import static dev.deepbuild.annotations.OptimizerType.RMSPROP;

import dev.deepbuild.annotations.Dataset;
import dev.deepbuild.annotations.Dense;
import dev.deepbuild.annotations.Layer;
import dev.deepbuild.annotations.Model;
import dev.deepbuild.annotations.Optimizer;
import dev.deepbuild.annotations.TextVectorization;
import dev.deepbuild.annotations.Train;

/** The chapter-4 network trained for 20 epochs: it starts to overfit after a few. */
@Model(name = "imdb-original", seed = 42)
@Dataset(value = IMDB, validation = 0.4)
@TextVectorization(maxTokens = 10_000)
@Train(epochs = 20, batchSize = 512, optimizer = @Optimizer(RMSPROP), loss = BINARY_CROSSENTROPY)
class ImdbOriginal {
  @Dense(units = 16, activation = RELU)
  Layer first;

  @Dense(units = 16, activation = RELU)
  Layer second;

  @Dense(units = 1, activation = SIGMOID)
  Layer output;
}
