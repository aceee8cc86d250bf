package dev.deepbuild.samples.iris;

import static dev.deepbuild.annotations.Activation.RELU;
import static dev.deepbuild.annotations.Activation.SOFTMAX;
import static dev.deepbuild.annotations.Loss.CATEGORICAL_CROSSENTROPY;
import static dev.deepbuild.annotations.Metric.ACCURACY;
import static dev.deepbuild.annotations.Metric.F1;
import static dev.deepbuild.annotations.OptimizerType.ADAM;

import dev.deepbuild.annotations.CsvData;
import dev.deepbuild.annotations.Dense;
import dev.deepbuild.annotations.Dropout;
import dev.deepbuild.annotations.Layer;
import dev.deepbuild.annotations.Model;
import dev.deepbuild.annotations.Optimizer;
import dev.deepbuild.annotations.Split;
import dev.deepbuild.annotations.Standardize;
import dev.deepbuild.annotations.Threshold;
import dev.deepbuild.annotations.Train;

/**
 * Fisher's Iris flowers: 150 samples, 4 measurements, 3 species. The data is the {@code iris.dat}
 * that deeplearning4j-core ships. Thresholds: see the README's table of measured results.
 */
@Model(name = "iris", seed = 42)
@CsvData(resource = "iris.dat", label = 4, split = @Split(test = 0.2, validation = 0.2))
@Standardize
@Train(epochs = 60, batchSize = 16, optimizer = @Optimizer(value = ADAM, learningRate = 0.01),
    loss = CATEGORICAL_CROSSENTROPY)
@Threshold(metric = ACCURACY, min = 0.90)
@Threshold(metric = F1, min = 0.89)
class IrisClassifier {
  @Dense(units = 16, activation = RELU)
  Layer hidden;

  @Dropout(0.2)
  Layer drop;

  @Dense(units = 3, activation = SOFTMAX)
  Layer output;
}
