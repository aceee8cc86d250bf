package dev.deepbuild.samples.catsdogs;

import static dev.deepbuild.annotations.Activation.RELU;
import static dev.deepbuild.annotations.Activation.SIGMOID;
import static dev.deepbuild.annotations.BuiltinDataset.CATS_VS_DOGS;
import static dev.deepbuild.annotations.Flip.HORIZONTAL;
import static dev.deepbuild.annotations.Loss.BINARY_CROSSENTROPY;
import static dev.deepbuild.annotations.Metric.ACCURACY;
import static dev.deepbuild.annotations.OptimizerType.RMSPROP;

import dev.deepbuild.annotations.Augmentation;
import dev.deepbuild.annotations.Conv2D;
import dev.deepbuild.annotations.Dataset;
import dev.deepbuild.annotations.Dense;
import dev.deepbuild.annotations.Dropout;
import dev.deepbuild.annotations.Flatten;
import dev.deepbuild.annotations.Layer;
import dev.deepbuild.annotations.MaxPooling2D;
import dev.deepbuild.annotations.Model;
import dev.deepbuild.annotations.Optimizer;
import dev.deepbuild.annotations.Rescaling;
import dev.deepbuild.annotations.Threshold;
import dev.deepbuild.annotations.Train;

/**
 * A small convnet from scratch on 1,600 32x32 photos of cats and dogs (320 of them held out to
 * validate), with random flips, rotations and zooms of each training batch and dropout before
 * the classifier: the same network as {@link CatsDogsScratch}, overfitting later. Thresholds:
 * see the README's table of measured results.
 */
@Model(name = "cats-dogs-augmented", seed = 42)
@Dataset(value = CATS_VS_DOGS, validation = 0.2)
@Rescaling(1 / 255.0)
@Augmentation(flip = HORIZONTAL, rotation = 0.1, zoom = 0.2)
@Train(epochs = 30, batchSize = 32, optimizer = @Optimizer(RMSPROP), loss = BINARY_CROSSENTROPY)
@Threshold(metric = ACCURACY, min = 0.65)
class CatsDogsAugmented {
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

  @Dropout(0.5)
  Layer drop;

  @Dense(units = 1, activation = SIGMOID)
  Layer output;
}
