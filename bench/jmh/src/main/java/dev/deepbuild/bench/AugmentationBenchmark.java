package dev.deepbuild.bench;

import dev.deepbuild.annotations.Flip;
import dev.deepbuild.runtime.data.Batches;
import dev.deepbuild.runtime.data.ImageFeatures;
import dev.deepbuild.runtime.data.Images;
import dev.deepbuild.runtime.model.AugmentationSpec;
import dev.deepbuild.runtime.model.RescalingSpec;
import dev.deepbuild.runtime.network.NetworkConfiguration;
import dev.deepbuild.runtime.network.TrainableNetwork;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.layers.SubsamplingLayer;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.lossfunctions.LossFunctions;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * What {@code @Augmentation} costs per minibatch of 32 images of 32x32x3 (cats vs dogs), against
 * building the minibatch alone and against training steps on it: a dense network and a small
 * convolutional one (two 3x3 convolutions with pooling), both fitting one minibatch.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class AugmentationBenchmark {
  private static final int BATCH = 32;
  private static final AugmentationSpec ALL = AugmentationSpec.none()
      .flip(Flip.HORIZONTAL_AND_VERTICAL).rotation(0.1).zoom(0.2).translation(0.1).contrast(0.2);

  private Batches.Epochs plain;
  private Batches.Epochs augmented;
  private TrainableNetwork dense;
  private TrainableNetwork convolutional;
  private INDArray[] features;
  private INDArray[] labels;

  @Setup
  public void setUp() {
    Random random = new Random(42);
    Images images = new Images(32, 32, 3, BATCH);
    for (int i = 0; i < BATCH; i++) {
      images.addHwc(index -> random.nextInt(256));
    }
    INDArray oneHot = Nd4j.zeros(DataType.FLOAT, BATCH, 2);
    for (int i = 0; i < BATCH; i++) {
      oneHot.putScalar(i, i % 2, 1);
    }
    int[] rows = IntStream.range(0, BATCH).toArray();
    RescalingSpec scale = RescalingSpec.scale(1 / 255.0);
    // One epoch of 32 rows is one minibatch.
    plain = new ImageFeatures(images, scale, Optional.empty())
        .batches(rows, oneHot, DataType.FLOAT, true).orElseThrow().shuffled(BATCH, 42);
    augmented = new ImageFeatures(images, scale, Optional.of(ALL))
        .batches(rows, oneHot, DataType.FLOAT, true).orElseThrow().shuffled(BATCH, 42);
    features = new INDArray[] {new ImageFeatures(images, scale, Optional.empty())
        .rows(rows, DataType.FLOAT)};
    labels = new INDArray[] {oneHot};
    dense = NetworkConfiguration.of(new NeuralNetConfiguration.Builder().seed(42)
        .updater(new Adam(1e-3)).list()
        .layer(new DenseLayer.Builder().nOut(64).activation(Activation.RELU).build())
        .layer(new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).nOut(2)
            .activation(Activation.SOFTMAX).build())
        .setInputType(InputType.convolutional(32, 32, 3)).build()).create(42);
    convolutional = NetworkConfiguration.of(new NeuralNetConfiguration.Builder().seed(42)
        .updater(new Adam(1e-3)).list()
        .layer(new ConvolutionLayer.Builder(3, 3).nOut(32).activation(Activation.RELU).build())
        .layer(new SubsamplingLayer.Builder(SubsamplingLayer.PoolingType.MAX).kernelSize(2, 2)
            .stride(2, 2).build())
        .layer(new ConvolutionLayer.Builder(3, 3).nOut(64).activation(Activation.RELU).build())
        .layer(new SubsamplingLayer.Builder(SubsamplingLayer.PoolingType.MAX).kernelSize(2, 2)
            .stride(2, 2).build())
        .layer(new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).nOut(2)
            .activation(Activation.SOFTMAX).build())
        .setInputType(InputType.convolutional(32, 32, 3)).build()).create(42);
  }

  /** Building a minibatch from the compact pixels, scaled, without augmentation. */
  @Benchmark
  public void buildBatch(Blackhole hole) {
    plain.nextEpoch((x, y) -> hole.consume(x), hole::consume);
  }

  /** The same with every augmentation: flips, rotation, zoom, translation, contrast. */
  @Benchmark
  public void buildAugmentedBatch(Blackhole hole) {
    augmented.nextEpoch((x, y) -> hole.consume(x), hole::consume);
  }

  /** One training step of a dense network (3,072 inputs, 64 units, 2 outputs). */
  @Benchmark
  public void denseTrainingStep() {
    dense.fit(features, labels);
  }

  /** One training step of a small convolutional network (32 and 64 filters of 3x3). */
  @Benchmark
  public void convolutionalTrainingStep() {
    convolutional.fit(features, labels);
  }
}
