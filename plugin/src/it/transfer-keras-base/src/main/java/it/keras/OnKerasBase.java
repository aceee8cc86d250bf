package it.keras;

import static dev.deepbuild.annotations.Activation.SOFTMAX;
import static dev.deepbuild.annotations.Loss.CATEGORICAL_CROSSENTROPY;
import static dev.deepbuild.annotations.Metric.ACCURACY;
import static dev.deepbuild.annotations.OptimizerType.ADAM;

import dev.deepbuild.annotations.CsvData;
import dev.deepbuild.annotations.Dense;
import dev.deepbuild.annotations.Layer;
import dev.deepbuild.annotations.Model;
import dev.deepbuild.annotations.Optimizer;
import dev.deepbuild.annotations.Pretrained;
import dev.deepbuild.annotations.Standardize;
import dev.deepbuild.annotations.Threshold;
import dev.deepbuild.annotations.Train;

/**
 * Five classes on the frozen features of a Keras model saved with model.save("base.h5"): Dense
 * 4-8-6-3, cut after its 6-value layer 'features' (tools/keras-h5-fixture/make.py wrote it).
 */
@Model(name = "onkeras")
@CsvData(file = "data.csv", label = 4)
@Standardize
@Train(epochs = 20, batchSize = 16, optimizer = @Optimizer(value = ADAM, learningRate = 0.05),
    loss = CATEGORICAL_CROSSENTROPY)
@Threshold(metric = ACCURACY, min = 0.70)
class OnKerasBase {
  @Pretrained(keras = "base.h5", upTo = "features", outputShape = 6)
  Layer base;

  @Dense(units = 5, activation = SOFTMAX)
  Layer output;
}
