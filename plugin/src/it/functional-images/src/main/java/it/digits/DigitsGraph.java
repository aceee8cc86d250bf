package it.digits;

import static dev.deepbuild.annotations.Activation.RELU;
import static dev.deepbuild.annotations.Activation.SOFTMAX;
import static dev.deepbuild.annotations.BuiltinDataset.MNIST;
import static dev.deepbuild.annotations.Loss.CATEGORICAL_CROSSENTROPY;
import static dev.deepbuild.annotations.Metric.ACCURACY;
import static dev.deepbuild.annotations.OptimizerType.ADAM;
import static dev.deepbuild.annotations.Padding.SAME;

import dev.deepbuild.annotations.Concatenate;
import dev.deepbuild.annotations.Conv2D;
import dev.deepbuild.annotations.Dataset;
import dev.deepbuild.annotations.Dense;
import dev.deepbuild.annotations.Flatten;
import dev.deepbuild.annotations.Input;
import dev.deepbuild.annotations.Layer;
import dev.deepbuild.annotations.MaxPooling2D;
import dev.deepbuild.annotations.Model;
import dev.deepbuild.annotations.Optimizer;
import dev.deepbuild.annotations.Output;
import dev.deepbuild.annotations.Rescaling;
import dev.deepbuild.annotations.Threshold;
import dev.deepbuild.annotations.Train;

/**
 * MNIST's digits 3, 5 and 8 through two convolution branches of one image input, joined by
 * channels. Three epochs on 600 digits beat chance (a third) by far.
 */
@Model(name = "digits-graph")
@Dataset(value = MNIST, classes = {3, 5, 8}, trainingSamples = 600)
@Rescaling(1 / 255.0)
@Train(epochs = 3, batchSize = 32, optimizer = @Optimizer(value = ADAM, learningRate = 0.002),
    loss = CATEGORICAL_CROSSENTROPY)
@Threshold(output = "digit", metric = ACCURACY, min = 0.7)
public class DigitsGraph {
  @Input(field = "image") Layer digits;
  @Conv2D(filters = 4, kernel = 3, activation = RELU, padding = SAME) Layer narrow;
  @Conv2D(from = "digits", filters = 4, kernel = 5, activation = RELU, padding = SAME) Layer wide;
  @Concatenate(from = {"narrow", "wide"}) Layer both;
  @MaxPooling2D(4) Layer pool;
  @Flatten Layer flat;
  @Dense(units = 3, activation = SOFTMAX) @Output(field = "label") Layer digit;
}
