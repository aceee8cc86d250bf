package dev.deepbuild.samples.reuters;

import static dev.deepbuild.annotations.Activation.RELU;
import static dev.deepbuild.annotations.Activation.SOFTMAX;
import static dev.deepbuild.annotations.BuiltinDataset.REUTERS;
import static dev.deepbuild.annotations.Loss.CATEGORICAL_CROSSENTROPY;
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
 * The book's multi-class classifier (chapter 4): Reuters newswires in 46 topics, as 10,000-word
 * multi-hot vectors, 64-64-46, nine epochs. The book reaches about 80% test accuracy.
 */
@Model(name = "reuters", seed = 42)
@Dataset(REUTERS)
@TextVectorization(maxTokens = 10_000)
@Train(epochs = 9, batchSize = 512, optimizer = @Optimizer(RMSPROP), loss = CATEGORICAL_CROSSENTROPY)
@Threshold(metric = ACCURACY, min = 0.85)
class ReutersClassifier {
  @Dense(units = 64, activation = RELU)
  Layer first;

  @Dense(units = 64, activation = RELU)
  Layer second;

  @Dense(units = 46, activation = SOFTMAX)
  Layer output;
}
