package dev.deepbuild.runtime.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.deepbuild.annotations.Metric;
import dev.deepbuild.annotations.Task;
import dev.deepbuild.build.result.ConfusionCounts;
import dev.deepbuild.runtime.network.SequentialNetwork;
import java.util.List;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.dataset.MultiDataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.lossfunctions.LossFunctions.LossFunction;

/** Networks with fixed weights, so that every prediction, and so every count, is known. */
class ConfusionMatrixTest {

  /** Predicts the class of the largest feature: weights 10·I, no bias. */
  private static MultiLayerNetwork argMax(int classes) {
    MultiLayerNetwork net = network(classes, Activation.SOFTMAX, LossFunction.MCXENT);
    double[] params = new double[classes * classes + classes];
    for (int k = 0; k < classes; k++) {
      params[k * classes + k] = 10;
    }
    net.setParams(Nd4j.createFromArray(params));
    return net;
  }

  private static MultiLayerNetwork network(int units, Activation activation, LossFunction loss) {
    MultiLayerNetwork net = new MultiLayerNetwork(new NeuralNetConfiguration.Builder().seed(1)
        .dataType(DataType.DOUBLE).list()
        .layer(new OutputLayer.Builder(loss).nIn(units).nOut(units).activation(activation).build())
        .build());
    net.init();
    return net;
  }

  @Test
  void countsActualRowsAgainstPredictedColumnsWithClassNames() {
    // Predicted: 0, 0, 1, 2, 2, 2; actual: 0, 1, 1, 2, 2, 0.
    double[][] features = {{1, 0, 0}, {1, 0, 0}, {0, 1, 0}, {0, 0, 1}, {0, 0, 1}, {0, 0, 1}};
    double[][] labels = {{1, 0, 0}, {0, 1, 0}, {0, 1, 0}, {0, 0, 1}, {0, 0, 1}, {1, 0, 0}};
    MultiDataSet data = new MultiDataSet(Nd4j.createFromArray(features), Nd4j.createFromArray(labels));

    SplitEvaluation evaluation = new MetricsEvaluator(Task.CLASSIFICATION)
        .evaluateWithConfusion(new SequentialNetwork(argMax(3)), data, List.of("setosa", "versicolor", "virginica"));

    ConfusionCounts confusion = evaluation.confusion();
    assertEquals(List.of("setosa", "versicolor", "virginica"), confusion.classes());
    assertEquals(List.of(List.of(1, 0, 1), List.of(1, 1, 0), List.of(0, 0, 2)), confusion.counts());
    assertEquals(4.0 / 6, evaluation.metrics().get(Metric.ACCURACY), 1e-12);
    assertEquals(2, confusion.actualTotal(0));
    assertEquals(3, confusion.predictedTotal(2));
    assertEquals(6, confusion.total());
  }

  @Test
  void countsASingleSigmoidAsTwoClassesThresholdedAtOneHalf() {
    MultiLayerNetwork net = network(1, Activation.SIGMOID, LossFunction.XENT);
    net.setParams(Nd4j.createFromArray(10.0, 0.0));
    // Predicted positive when the feature is positive.
    double[][] features = {{-1}, {-2}, {3}, {1}, {2}, {-1}, {1}};
    double[][] labels = {{0}, {0}, {0}, {1}, {1}, {1}, {1}};
    MultiDataSet data = new MultiDataSet(Nd4j.createFromArray(features), Nd4j.createFromArray(labels));

    ConfusionCounts confusion = new MetricsEvaluator(Task.CLASSIFICATION)
        .evaluateWithConfusion(new SequentialNetwork(net), data, List.of("neg", "pos")).confusion();

    assertEquals(List.of("neg", "pos"), confusion.classes());
    assertEquals(List.of(List.of(2, 1), List.of(1, 3)), confusion.counts());
  }

  @Test
  void namesClassesByIndexWhenTheNamesDoNotFit() {
    MultiDataSet data = new MultiDataSet(Nd4j.createFromArray(new double[][] {{1, 0}, {0, 1}}),
        Nd4j.createFromArray(new double[][] {{1, 0}, {0, 1}}));

    ConfusionCounts confusion = new MetricsEvaluator(Task.CLASSIFICATION)
        .evaluateWithConfusion(new SequentialNetwork(argMax(2)), data, List.of()).confusion();

    assertEquals(List.of("0", "1"), confusion.classes());
    assertEquals(List.of(List.of(1, 0), List.of(0, 1)), confusion.counts());
  }

  @Test
  void aRegressorHasNone() {
    MultiLayerNetwork net = network(1, Activation.IDENTITY, LossFunction.MSE);
    MultiDataSet data = new MultiDataSet(Nd4j.createFromArray(new double[][] {{1}, {2}}),
        Nd4j.createFromArray(new double[][] {{1}, {2}}));

    SplitEvaluation evaluation = new MetricsEvaluator(Task.REGRESSION).evaluateWithConfusion(new SequentialNetwork(net), data, List.of());

    assertNull(evaluation.confusion());
    assertEquals(4, evaluation.metrics().size() - 1);
  }

  @Test
  void rejectsAMatrixThatIsNotSquare() {
    assertThrows(IllegalArgumentException.class,
        () -> new ConfusionCounts(List.of("a", "b"), List.of(List.of(1, 2))));
  }
}
