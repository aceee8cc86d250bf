package it.kerasimages;

import static dev.deepbuild.annotations.Activation.SOFTMAX;
import static dev.deepbuild.annotations.Loss.CATEGORICAL_CROSSENTROPY;
import static dev.deepbuild.annotations.Metric.ACCURACY;
import static dev.deepbuild.annotations.OptimizerType.ADAM;

import dev.deepbuild.annotations.Dense;
import dev.deepbuild.annotations.GlobalAveragePooling2D;
import dev.deepbuild.annotations.ImageData;
import dev.deepbuild.annotations.Layer;
import dev.deepbuild.annotations.Model;
import dev.deepbuild.annotations.Optimizer;
import dev.deepbuild.annotations.Pretrained;
import dev.deepbuild.annotations.Rescaling;
import dev.deepbuild.annotations.Split;
import dev.deepbuild.annotations.Threshold;
import dev.deepbuild.annotations.Train;

/**
 * Warm and cool 8x8 images on the frozen feature map of a Keras conv base saved channels last
 * (Conv2D, MaxPooling2D, Conv2D, BatchNormalization, GlobalAveragePooling2D on 8x8x3, written
 * by tools/keras-h5-fixture/make.py), cut after its 3x3x6 'norm' layer.
 */
@Model(name = "onkerasimages")
@ImageData(directory = "images", height = 8, width = 8, split = @Split(test = 0.2, validation = 0.2))
@Rescaling(1 / 255.0)
@Train(epochs = 20, batchSize = 16, optimizer = @Optimizer(value = ADAM, learningRate = 0.05),
    loss = CATEGORICAL_CROSSENTROPY)
@Threshold(metric = ACCURACY, min = 0.80)
class OnKerasImageBase {
  @Pretrained(keras = "base.h5", upTo = "norm", outputShape = {3, 3, 6})
  Layer base;

  @GlobalAveragePooling2D
  Layer pool;

  @Dense(units = 2, activation = SOFTMAX)
  Layer output;
}
