package dev.deepbuild.samples.overfitting;

import static dev.deepbuild.annotations.Activation.RELU;
import static dev.deepbuild.annotations.Activation.SIGMOID;
import static dev.deepbuild.annotations.BuiltinDataset.IMDB;
import static dev.deepbuild.annotations.Loss.BINARY_CROSSENTROPY;
import static dev.deepbuild.annotations.Metric.ACCURACY;
import static dev.deepbuild.annotations.OptimizerType.RMSPROP;

import dev.deepbuild.annotations.Dataset;
import dev.deepbuild.annotations.Dense;
import dev.deepbuild.annotations.Dropout;
import dev.deepbuild.annotations.EarlyStopping;
import dev.deepbuild.annotations.Layer;
import dev.deepbuild.annotations.Model;
import dev.deepbuild.annotations.Optimizer;
import dev.deepbuild.annotations.TextVectorization;
import dev.deepbuild.annotations.Threshold;
import dev.deepbuild.annotations.Train;

/** The original with dropout of half of each hidden layer's outputs, stopped early when the validation loss stops falling. */
@Model(name = "imdb-dropout", seed = 42)
@Dataset(value = IMDB, validation = 0.4)
@TextVectorization(maxTokens = 10_000)
@EarlyStopping(patience = 3)
@Train(epochs = 20, batchSize = 512, optimizer = @Optimizer(RMSPROP), loss = BINARY_CROSSENTROPY)
@Threshold(metric = ACCURACY, min = 0.86)
class ImdbDropout {
  @Dense(units = 16, activation = RELU)
  Layer first;

  @Dropout(0.5)
  Layer firstDropout;

  @Dense(units = 16, activation = RELU)
  Layer second;

  @Dropout(0.5)
  Layer secondDropout;

  @Dense(units = 1, activation = SIGMOID)
  Layer output;
}
