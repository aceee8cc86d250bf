package dev.deepbuild.samples.pretrained;

import static dev.deepbuild.annotations.Activation.SIGMOID;
import static dev.deepbuild.annotations.BuiltinDataset.CATS_VS_DOGS;
import static dev.deepbuild.annotations.Loss.BINARY_CROSSENTROPY;
import static dev.deepbuild.annotations.Metric.ACCURACY;
import static dev.deepbuild.annotations.OptimizerType.RMSPROP;
import static dev.deepbuild.annotations.PretrainedModel.MOBILENET_V2;

import dev.deepbuild.annotations.Dataset;
import dev.deepbuild.annotations.Dense;
import dev.deepbuild.annotations.Dropout;
import dev.deepbuild.annotations.GlobalAveragePooling2D;
import dev.deepbuild.annotations.Layer;
import dev.deepbuild.annotations.Model;
import dev.deepbuild.annotations.Optimizer;
import dev.deepbuild.annotations.Pretrained;
import dev.deepbuild.annotations.Rescaling;
import dev.deepbuild.annotations.Resizing;
import dev.deepbuild.annotations.Threshold;
import dev.deepbuild.annotations.Train;

/**
 * Feature extraction: MobileNetV2's frozen base turns each photo, resized from 32x32 to 96x96 (at
 * 32x32 its feature map would be a single 1x1x1280 position), into 3x3x1280 features, once per
 * split; a classifier on their global average (1,280 values, which overfits less than the
 * 11,520 flattened ones) trains on them. Thresholds: see the README's table of measured results.
 */
@Model(name = "cats-dogs-features", seed = 42)
@Dataset(value = CATS_VS_DOGS, validation = 0.2)
@Resizing(height = 96, width = 96)
@Rescaling(1 / 255.0)
@Train(epochs = 10, batchSize = 32, optimizer = @Optimizer(RMSPROP), loss = BINARY_CROSSENTROPY)
@Threshold(metric = ACCURACY, min = 0.58)
class CatsDogsFeatures {
  @Pretrained(catalog = MOBILENET_V2)
  Layer base;

  @GlobalAveragePooling2D
  Layer pool;

  @Dropout(0.5)
  Layer drop;

  @Dense(units = 1, activation = SIGMOID)
  Layer output;
}
