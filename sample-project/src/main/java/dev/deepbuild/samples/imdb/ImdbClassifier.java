package dev.deepbuild.samples.imdb;

import static dev.deepbuild.annotations.Activation.RELU;
import static dev.deepbuild.annotations.Activation.SIGMOID;
import static dev.deepbuild.annotations.BuiltinDataset.IMDB;
import static dev.deepbuild.annotations.Loss.BINARY_CROSSENTROPY;
import static dev.deepbuild.annotations.Metric.ACCURACY;
import static dev.deepbuild.annotations.OptimizerType.RMSPROP;

import dev.deepbuild.annotations.Dataset;
import dev.deepbuild.annotations.Dense;
import dev.deepbuild.annotations.Layer;
import dev.deepbuild.annotations.Model;
import dev.deepbuild.annotations.Optimizer;
import dev.deepbuild.annotations.TextVectorization;
import dev.deepbuild.annotations.Threshold;
import dev.deepbuild.annotations.Train;

/**
 * The book's first binary classifier (chapter 4): positive or negative movie reviews, as
 * 10,000-word multi-hot vectors, 16-16-1, four epochs. The book reaches about 88% test accuracy.
 */
@Model(name = "imdb", seed = 42)
@Dataset(IMDB)
@TextVectorization(maxTokens = 10_000)
@Train(epochs = 4, batchSize = 512, optimizer = @Optimizer(RMSPROP), loss = BINARY_CROSSENTROPY)
@Threshold(metric = ACCURACY, min = 0.87)
@Threshold(metric = ACCURACY, beatBaselineBy = 0.35)
class ImdbClassifier {
  @Dense(units = 16, activation = RELU)
  Layer first;

  @Dense(units = 16, activation = RELU)
  Layer second;

  @Dense(units = 1, activation = SIGMOID)
  Layer output;
}
