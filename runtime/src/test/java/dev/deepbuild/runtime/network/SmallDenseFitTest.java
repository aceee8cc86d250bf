package dev.deepbuild.runtime.network;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.DropoutLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInit;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.learning.config.RmsProp;
import org.nd4j.linalg.lossfunctions.LossFunctions.LossFunction;

/**
 * The Java fit of a small dense network against DL4J's own fit of the same network: the same
 * minibatches (row views of one array, as the runtime's shuffled batches are) leave the same
 * weights, RMSprop state, scores and training outputs, up to the order of float additions.
 */
class SmallDenseFitTest {
  private static final long SEED = 42;
  private static final int ROWS = 100;
  private static final int BATCH = 16;

  @Test
  void bostonsRegressionFitsAsDl4jDoes() {
    sameAsDl4j(conf(13, 1, Activation.RELU, LossFunction.MSE, Activation.IDENTITY, b -> b),
        Nd4j.randn(DataType.FLOAT, ROWS, 1).muli(5).addi(20));
  }

  @Test
  void aSoftmaxClassifierFitsAsDl4jDoes() {
    sameAsDl4j(conf(13, 3, Activation.TANH, LossFunction.MCXENT, Activation.SOFTMAX, b -> b),
        oneHot(3));
  }

  @Test
  void aSigmoidClassifierFitsAsDl4jDoes() {
    sameAsDl4j(conf(13, 1, Activation.RELU, LossFunction.XENT, Activation.SIGMOID, b -> b),
        oneHot(2).getColumns(1));
  }

  @Test
  void whatItDoesNotComputeItLeavesToDl4j() {
    assertTrue(SmallDenseFit.of(net(conf(13, 1, Activation.RELU, LossFunction.MSE,
        Activation.IDENTITY, b -> b))).isPresent());
    // L2, Adam, a dropout layer, a ReLU with a threshold, MSE after a softmax.
    assertFalse(SmallDenseFit.of(net(conf(13, 1, Activation.RELU, LossFunction.MSE,
        Activation.IDENTITY, b -> b.l2(0.01)))).isPresent());
    assertFalse(SmallDenseFit.of(net(conf(13, 1, Activation.RELU, LossFunction.MSE,
        Activation.IDENTITY, b -> b.updater(new Adam(0.001))))).isPresent());
    assertFalse(SmallDenseFit.of(net(new NeuralNetConfiguration.Builder()
        .updater(new RmsProp(0.001, 0.9, 1e-7)).list().setInputType(InputType.feedForward(4))
        .layer(new DenseLayer.Builder().nOut(8).activation(Activation.RELU).build())
        .layer(new DropoutLayer.Builder(0.5).build())
        .layer(new OutputLayer.Builder(LossFunction.MSE).nOut(1).activation(Activation.IDENTITY)
            .build())
        .build())).isPresent());
    assertFalse(SmallDenseFit.of(net(new NeuralNetConfiguration.Builder()
        .updater(new RmsProp(0.001, 0.9, 1e-7)).list().setInputType(InputType.feedForward(4))
        .layer(new DenseLayer.Builder().nOut(8)
            .activation(new org.nd4j.linalg.activations.impl.ActivationReLU(null, 0.5, 0.0)).build())
        .layer(new OutputLayer.Builder(LossFunction.MSE).nOut(1).activation(Activation.IDENTITY)
            .build())
        .build())).isPresent());
    assertFalse(SmallDenseFit.of(net(conf(13, 3, Activation.RELU, LossFunction.MSE,
        Activation.SOFTMAX, b -> b))).isPresent());
  }

  @Test
  void aLargeMinibatchIsLeftToDl4j() {
    MultiLayerNetwork net = net(conf(13, 1, Activation.RELU, LossFunction.MSE,
        Activation.IDENTITY, b -> b));
    SmallDenseFit small = SmallDenseFit.of(net).orElseThrow();
    // 13*64+64 + 64*64+64 + 64+1 = 5,121 parameters
    assertEquals(5121, net.numParams());
    long most = SmallDenseFit.MAX_MULTIPLY_ADDS / 5121;
    assertTrue(small.takes(Nd4j.zeros(DataType.FLOAT, most, 13), Nd4j.zeros(DataType.FLOAT, most, 1)));
    assertFalse(small.takes(Nd4j.zeros(DataType.FLOAT, most + 1, 13),
        Nd4j.zeros(DataType.FLOAT, most + 1, 1)));
    assertFalse(small.takes(Nd4j.zeros(DataType.DOUBLE, 16, 13), Nd4j.zeros(DataType.FLOAT, 16, 1)));
  }

  /** Fits two copies of the network on 3 epochs of minibatches, one in Java and one in DL4J. */
  private static void sameAsDl4j(MultiLayerConfiguration conf, INDArray labels) {
    INDArray features = Nd4j.randn(DataType.FLOAT, ROWS, 13);
    MultiLayerNetwork dl4j = net(conf);
    MultiLayerNetwork java = net(conf);
    SmallDenseFit small = SmallDenseFit.of(java).orElseThrow();
    assertEquals(dl4j.params(), java.params());
    List<Double> dl4jScores = new ArrayList<>();
    List<Double> javaScores = new ArrayList<>();
    INDArray lastOutputs = null;
    for (int epoch = 0; epoch < 3; epoch++) {
      for (int start = 0; start < ROWS; start += BATCH) {
        INDArray x = features.get(NDArrayIndex.interval(start, Math.min(ROWS, start + BATCH)),
            NDArrayIndex.all());
        INDArray y = labels.get(NDArrayIndex.interval(start, Math.min(ROWS, start + BATCH)),
            NDArrayIndex.all());
        lastOutputs = dl4j.output(x, false);
        dl4j.fit(x, y);
        dl4jScores.add(dl4j.score());
        assertTrue(small.takes(x, y));
        javaScores.add(small.fit(x, y));
        // Dropout-free, the training pass's outputs are the inference outputs before the step.
        assertClose(lastOutputs, small.outputs(), 1e-4);
      }
    }
    assertEquals(dl4j.getIterationCount(), java.getIterationCount());
    assertEquals(java.score(), javaScores.get(javaScores.size() - 1), 0);
    for (int i = 0; i < dl4jScores.size(); i++) {
      assertEquals(dl4jScores.get(i), javaScores.get(i), 1e-4 * Math.max(1, dl4jScores.get(i)),
          "score of fit " + i);
    }
    assertClose(dl4j.params(), java.params(), 1e-4);
    assertClose(dl4j.getUpdater().getStateViewArray(), java.getUpdater().getStateViewArray(), 1e-4);
    // The weights moved: the comparison is not between two untrained networks.
    assertTrue(dl4j.params().distance2(net(conf).params()) > 1e-2);
  }

  private static void assertClose(INDArray expected, INDArray actual, double tolerance) {
    double scale = Math.max(1, expected.amaxNumber().doubleValue());
    double largest = expected.sub(actual.reshape(expected.shape())).amaxNumber().doubleValue();
    assertTrue(largest <= tolerance * scale, "largest difference " + largest + " of " + scale);
  }

  private static INDArray oneHot(int classes) {
    INDArray labels = Nd4j.zeros(DataType.FLOAT, ROWS, classes);
    java.util.Random random = new java.util.Random(SEED);
    for (int r = 0; r < ROWS; r++) {
      labels.putScalar(r, random.nextInt(classes), 1);
    }
    return labels;
  }

  private static MultiLayerNetwork net(MultiLayerConfiguration conf) {
    MultiLayerNetwork net = new MultiLayerNetwork(conf.clone());
    net.init();
    return net;
  }

  /** A network as the generated code writes Boston's: Keras's initialization and RMSprop. */
  private static MultiLayerConfiguration conf(int inputs, int outputs, Activation hidden,
      LossFunction loss, Activation output,
      UnaryOperator<NeuralNetConfiguration.Builder> more) {
    return more.apply(new NeuralNetConfiguration.Builder()
            .seed(SEED)
            .weightInit(WeightInit.XAVIER_UNIFORM)
            .updater(new RmsProp(0.01, 0.9, 1e-7)))
        .list()
        .setInputType(InputType.feedForward(inputs))
        .layer(new DenseLayer.Builder().nOut(64).activation(hidden).build())
        .layer(new DenseLayer.Builder().nOut(64).activation(hidden).build())
        .layer(new OutputLayer.Builder(loss).nOut(outputs).activation(output).build())
        .build();
  }
}
