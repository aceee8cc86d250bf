package dev.deepbuild.samples.tickets;

import static dev.deepbuild.annotations.Activation.RELU;
import static dev.deepbuild.annotations.Activation.SIGMOID;
import static dev.deepbuild.annotations.Activation.SOFTMAX;
import static dev.deepbuild.annotations.BuiltinDataset.REUTERS;
import static dev.deepbuild.annotations.Loss.BINARY_CROSSENTROPY;
import static dev.deepbuild.annotations.Loss.CATEGORICAL_CROSSENTROPY;
import static dev.deepbuild.annotations.Metric.ACCURACY;
import static dev.deepbuild.annotations.OptimizerType.RMSPROP;

import dev.deepbuild.annotations.Concatenate;
import dev.deepbuild.annotations.Dataset;
import dev.deepbuild.annotations.Dense;
import dev.deepbuild.annotations.Input;
import dev.deepbuild.annotations.Layer;
import dev.deepbuild.annotations.Model;
import dev.deepbuild.annotations.Optimizer;
import dev.deepbuild.annotations.Output;
import dev.deepbuild.annotations.TextVectorization;
import dev.deepbuild.annotations.Threshold;
import dev.deepbuild.annotations.Train;

/**
 * A functional model in the spirit of the book's chapter-7 ticket classifier, on real Reuters
 * wires: the title and the body are two text inputs, each with a vocabulary of its own, merged
 * and shared by two heads, the wire's topic (46 classes) and whether it concerns the USA (its
 * places list {@code usa}). The topic counts most; the USA head's loss is weighted 0.3.
 */
@Model(name = "reuters-tickets")
@Dataset(value = REUTERS, validation = 0.2)
@Train(epochs = 8, batchSize = 512, optimizer = @Optimizer(RMSPROP),
    loss = CATEGORICAL_CROSSENTROPY)
@Threshold(output = "topic", metric = ACCURACY, min = 0.85)
@Threshold(output = "usa", metric = ACCURACY, min = 0.87)
public class ReutersTickets {
  @Input(field = "title") @TextVectorization(maxTokens = 2000) Layer title;
  @Input(field = "body") @TextVectorization(maxTokens = 10000) Layer body;
  @Concatenate(from = {"title", "body"}) Layer features;
  @Dense(units = 64, activation = RELU) Layer hidden;
  @Dense(units = 64, activation = RELU) Layer shared;
  @Dense(units = 46, activation = SOFTMAX) @Output Layer topic;
  @Dense(units = 1, activation = SIGMOID, from = "shared")
  @Output(loss = BINARY_CROSSENTROPY, weight = 0.3) Layer usa;
}
