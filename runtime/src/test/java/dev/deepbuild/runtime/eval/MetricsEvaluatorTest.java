package dev.deepbuild.runtime.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.deepbuild.annotations.Metric;
import dev.deepbuild.annotations.Task;
import dev.deepbuild.runtime.network.SequentialNetwork;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.nd4j.evaluation.classification.Evaluation;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.dataset.MultiDataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.lossfunctions.LossFunctions.LossFunction;

class MetricsEvaluatorTest {
  @Test
  void evaluatesLargeSplitsInChunksWithTheSameResults() {
    MultiLayerNetwork net = new MultiLayerNetwork(new NeuralNetConfiguration.Builder().seed(1)
        .dataType(DataType.DOUBLE).list()
        .layer(new OutputLayer.Builder(LossFunction.MCXENT).nIn(3).nOut(3).activation(Activation.SOFTMAX).build())
        .build());
    net.init();
    // More rows than one chunk holds, and not a multiple of it.
    int rows = 10_001;
    Random random = new Random(3);
    double[][] features = new double[rows][3];
    double[][] labels = new double[rows][3];
    for (int i = 0; i < rows; i++) {
      for (int f = 0; f < 3; f++) {
        features[i][f] = random.nextGaussian();
      }
      labels[i][random.nextInt(3)] = 1;
    }
    DataSet data = new DataSet(Nd4j.createFromArray(features), Nd4j.createFromArray(labels));

    Map<Metric, Double> values = new MetricsEvaluator(Task.CLASSIFICATION)
        .evaluate(new SequentialNetwork(net), new MultiDataSet(data.getFeatures(), data.getLabels()));

    INDArray outputs = net.output(data.getFeatures(), false);
    Evaluation whole = new Evaluation();
    whole.eval(data.getLabels(), outputs);
    assertEquals(whole.accuracy(), values.get(Metric.ACCURACY));
    assertEquals(net.score(data, false), values.get(Metric.LOSS), 1e-12);
    assertEquals(List.of(Metric.LOSS, Metric.ACCURACY, Metric.PRECISION, Metric.RECALL, Metric.F1),
        List.copyOf(values.keySet()), "in Metric order");
  }
}
