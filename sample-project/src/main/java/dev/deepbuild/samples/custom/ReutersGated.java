package dev.deepbuild.samples.custom;

import static dev.deepbuild.annotations.Activation.RELU;
import static dev.deepbuild.annotations.Activation.SOFTMAX;
import static dev.deepbuild.annotations.BuiltinDataset.REUTERS;
import static dev.deepbuild.annotations.Loss.CATEGORICAL_CROSSENTROPY;
import static dev.deepbuild.annotations.Metric.ACCURACY;
import static dev.deepbuild.annotations.OptimizerType.RMSPROP;

import dev.deepbuild.annotations.Custom;
import dev.deepbuild.annotations.Dataset;
import dev.deepbuild.annotations.Dense;
import dev.deepbuild.annotations.Layer;
import dev.deepbuild.annotations.Model;
import dev.deepbuild.annotations.Optimizer;
import dev.deepbuild.annotations.TextVectorization;
import dev.deepbuild.annotations.Threshold;
import dev.deepbuild.annotations.Train;

/**
 * The Reuters classifier with layers of its own classes, as a Keras model with subclassed layers:
 * a gated dense layer with weights ({@link GatedDense}, 2 x (64 x 64 + 64) parameters) and a
 * parameter-free normalization ({@link RmsNorm}) between the first dense layer and the output.
 */
@Model(name = "reuters-gated", seed = 42)
@Dataset(REUTERS)
@TextVectorization(maxTokens = 10_000)
@Train(epochs = 9, batchSize = 512, optimizer = @Optimizer(RMSPROP), loss = CATEGORICAL_CROSSENTROPY)
// Measured test accuracy 0.873, 0.879 and 0.879 with seeds 42, 7 and 123: the minimum is 2.3
// points below the worst.
@Threshold(metric = ACCURACY, min = 0.85)
class ReutersGated {
  @Dense(units = 64, activation = RELU)
  Layer first;

  @Custom(value = GatedDense.class, units = 64, params = 8320)
  Layer gated;

  @Custom(RmsNorm.class)
  Layer norm;

  @Dense(units = 46, activation = SOFTMAX)
  Layer output;
}
