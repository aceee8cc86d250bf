import dev.deepbuild.runtime.network.SequentialNetwork;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.layers.SubsamplingLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInit;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.nd4j.linalg.learning.config.RmsProp;
import org.nd4j.linalg.lossfunctions.LossFunctions.LossFunction;

/**
 * Trains the book's MNIST convnet (chapter 8: Conv2D 32/64/128 3x3 relu, 2x2 max-pooling between,
 * flatten, dense 10 softmax; RMSprop, batch 64, NCHW) with a hand-written DL4J loop, once per
 * mode and repetition, the modes interleaved in this one JVM, and prints seconds per epoch.
 * Modes: {@code plain} (DL4J's built-in layers) and {@code onednn} (the same network given
 * DL4J's oneDNN helpers by DeepBuild's {@code SequentialNetwork}).
 *
 * <p>Usage: ConvnetBench MNIST_TGZ IMAGES REPETITIONS EPOCHS MODES
 */
public class ConvnetBench {
  private static final int BATCH = 64;
  private static final long SEED = 42;

  public static void main(String[] args) throws IOException {
    Path tgz = Path.of(args[0]);
    int images = Integer.parseInt(args[1]);
    int repetitions = Integer.parseInt(args[2]);
    int epochs = Integer.parseInt(args[3]);
    List<String> modes = List.of(args[4].split(","));
    INDArray[] data = read(tgz, images);
    System.out.printf(Locale.ROOT, "%d MNIST images, batch %d, OMP_NUM_THREADS=%s%n",
        images, BATCH, System.getenv("OMP_NUM_THREADS"));

    // One untimed epoch per mode first: JIT compilation and the natives' first calls.
    for (String mode : modes) {
      epoch(create(mode), data);
    }
    Map<String, List<Double>> times = new HashMap<>();
    for (int rep = 1; rep <= repetitions; rep++) {
      for (String mode : modes) {
        MultiLayerNetwork net = create(mode);
        for (int e = 1; e <= epochs; e++) {
          double seconds = epoch(net, data);
          times.computeIfAbsent(mode, m -> new ArrayList<>()).add(seconds);
          System.out.printf(Locale.ROOT, "rep %d %-7s epoch %d: %.3f s%n", rep, mode, e, seconds);
        }
        System.out.printf(Locale.ROOT, "rep %d %-7s training accuracy %.4f%n", rep, mode,
            accuracy(net, data));
      }
    }
    for (String mode : modes) {
      List<Double> sorted = times.get(mode).stream().sorted().toList();
      System.out.printf(Locale.ROOT, "%-7s s/epoch: median %.3f, min %.3f, max %.3f (%d epochs)%n",
          mode, sorted.get(sorted.size() / 2), sorted.get(0), sorted.get(sorted.size() - 1),
          sorted.size());
    }
  }

  private static MultiLayerNetwork create(String mode) {
    Nd4j.getRandom().setSeed(SEED);
    MultiLayerNetwork net = new MultiLayerNetwork(conf());
    net.init();
    switch (mode) {
      case "plain" -> { }
      case "onednn" -> {
        int layers = new SequentialNetwork(net).oneDnnLayers();
        if (layers == 0) {
          throw new IllegalStateException("oneDNN is not active: are the -onednn natives on the class path?");
        }
      }
      default -> throw new IllegalArgumentException("mode " + mode + ": use plain or onednn");
    }
    return net;
  }

  private static MultiLayerConfiguration conf() {
    return new NeuralNetConfiguration.Builder().seed(SEED).dataType(DataType.FLOAT)
        .updater(new RmsProp(1e-3)).weightInit(WeightInit.XAVIER)
        .list()
        .layer(new ConvolutionLayer.Builder(3, 3).nOut(32).activation(Activation.RELU).build())
        .layer(new SubsamplingLayer.Builder(SubsamplingLayer.PoolingType.MAX).kernelSize(2, 2).stride(2, 2).build())
        .layer(new ConvolutionLayer.Builder(3, 3).nOut(64).activation(Activation.RELU).build())
        .layer(new SubsamplingLayer.Builder(SubsamplingLayer.PoolingType.MAX).kernelSize(2, 2).stride(2, 2).build())
        .layer(new ConvolutionLayer.Builder(3, 3).nOut(128).activation(Activation.RELU).build())
        .layer(new OutputLayer.Builder(LossFunction.MCXENT).nOut(10).activation(Activation.SOFTMAX).build())
        .setInputType(InputType.convolutional(28, 28, 1))
        .build();
  }

  private static double epoch(MultiLayerNetwork net, INDArray[] data) {
    long start = System.nanoTime();
    long n = data[0].size(0);
    for (long from = 0; from < n; from += BATCH) {
      long to = Math.min(n, from + BATCH);
      net.fit(data[0].get(NDArrayIndex.interval(from, to)), data[1].get(NDArrayIndex.interval(from, to)));
    }
    net.incrementEpochCount();
    return (System.nanoTime() - start) / 1e9;
  }

  private static double accuracy(MultiLayerNetwork net, INDArray[] data) {
    INDArray predicted = net.output(data[0], false).argMax(1);
    INDArray actual = data[1].argMax(1);
    return predicted.eq(actual).castTo(DataType.FLOAT).meanNumber().doubleValue();
  }

  /** The first {@code images} training digits, NCHW, scaled to [0, 1], and one-hot labels. */
  private static INDArray[] read(Path tgz, int images) throws IOException {
    byte[] pixels = null;
    byte[] labels = null;
    try (TarArchiveInputStream tar = new TarArchiveInputStream(
        new GzipCompressorInputStream(Files.newInputStream(tgz)))) {
      for (TarArchiveEntry entry; (entry = tar.getNextTarEntry()) != null; ) {
        if (entry.getName().endsWith("/train-images-idx3-ubyte")) {
          pixels = idx(tar, 16, images * 28 * 28);
        } else if (entry.getName().endsWith("/train-labels-idx1-ubyte")) {
          labels = idx(tar, 8, images);
        }
      }
    }
    if (pixels == null || labels == null) {
      throw new IOException(tgz + " has no train-images-idx3-ubyte or train-labels-idx1-ubyte");
    }
    float[] x = new float[pixels.length];
    for (int i = 0; i < x.length; i++) {
      x[i] = (pixels[i] & 0xff) / 255f;
    }
    float[] y = new float[images * 10];
    for (int i = 0; i < images; i++) {
      y[i * 10 + labels[i]] = 1;
    }
    return new INDArray[] {Nd4j.create(x, new long[] {images, 1, 28, 28}, 'c'),
        Nd4j.create(y, new long[] {images, 10}, 'c')};
  }

  private static byte[] idx(InputStream in, int header, int length) throws IOException {
    DataInputStream data = new DataInputStream(in);
    data.skipNBytes(header);
    byte[] bytes = new byte[length];
    data.readFully(bytes);
    return bytes;
  }
}
