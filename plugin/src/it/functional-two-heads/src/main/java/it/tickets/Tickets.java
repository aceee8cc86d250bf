package it.tickets;

import static dev.deepbuild.annotations.Activation.RELU;
import static dev.deepbuild.annotations.Activation.SIGMOID;
import static dev.deepbuild.annotations.Activation.SOFTMAX;
import static dev.deepbuild.annotations.BuiltinDataset.REUTERS;
import static dev.deepbuild.annotations.Loss.BINARY_CROSSENTROPY;
import static dev.deepbuild.annotations.Loss.CATEGORICAL_CROSSENTROPY;
import static dev.deepbuild.annotations.Metric.ACCURACY;

import dev.deepbuild.annotations.Concatenate;
import dev.deepbuild.annotations.Dataset;
import dev.deepbuild.annotations.Dense;
import dev.deepbuild.annotations.Input;
import dev.deepbuild.annotations.Layer;
import dev.deepbuild.annotations.Model;
import dev.deepbuild.annotations.Output;
import dev.deepbuild.annotations.TextVectorization;
import dev.deepbuild.annotations.Threshold;
import dev.deepbuild.annotations.Train;

/**
 * Two text inputs of the Reuters wires and two heads. After two epochs the topic head beats a
 * modest bound, and no model reaches the USA head's 99%.
 */
@Model(name = "tickets")
@Dataset(value = REUTERS, validation = 0.2)
@Train(epochs = 2, batchSize = 512, loss = CATEGORICAL_CROSSENTROPY)
@Threshold(output = "topic", metric = ACCURACY, min = 0.45)
@Threshold(output = "usa", metric = ACCURACY, min = 0.99)
class Tickets {
  @Input(field = "title") @TextVectorization(maxTokens = 500) Layer title;
  @Input(field = "body") @TextVectorization(maxTokens = 2000) Layer body;
  @Concatenate(from = {"title", "body"}) Layer features;
  @Dense(units = 32, activation = RELU) Layer hidden;
  @Dense(units = 46, activation = SOFTMAX) @Output Layer topic;
  @Dense(units = 1, activation = SIGMOID, from = "hidden")
  @Output(loss = BINARY_CROSSENTROPY, weight = 0.5) Layer usa;
}
