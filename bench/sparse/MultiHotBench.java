import dev.deepbuild.annotations.BuiltinDataset;
import dev.deepbuild.runtime.data.Batches;
import dev.deepbuild.runtime.data.BuiltinSource;
import dev.deepbuild.runtime.data.PreparedData;
import dev.deepbuild.runtime.examples.ExamplesReader;
import dev.deepbuild.runtime.model.ModelDefinition;
import dev.deepbuild.runtime.model.ModelSpec;
import dev.deepbuild.runtime.model.Vectorization;
import dev.deepbuild.runtime.network.MultiHotDense;
import dev.deepbuild.runtime.network.NetworkConfiguration;
import dev.deepbuild.runtime.network.TrainableNetwork;
import dev.deepbuild.runtime.train.ModelInputs;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.FeedForwardLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.weights.WeightInit;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.learning.config.RmsProp;
import org.nd4j.linalg.lossfunctions.LossFunctions.LossFunction;

/**
 * The sample ImdbClassifier (or ReutersClassifier) on the real built-in dataset through the
 * runtime's own data path (ModelInputs, PreparedData, Batches, TrainableNetwork), its first layer
 * DL4J's DenseLayer on dense multi-hot rows or MultiHotDense on word indices. Prints the time to
 * read and vectorize, the time from the vectorized texts to the first minibatch, each epoch's fit
 * step (shuffle, gather, fit), one pass over the training split as the epoch loop measures it
 * (score and output), the test accuracy and the JVM's peak RSS.
 *
 * <p>Usage: MultiHotBench dense|sparse imdb|reuters SEED EPOCHS
 */
public class MultiHotBench {
  public static void main(String[] args) throws Exception {
    boolean sparse = args[0].equals("sparse");
    boolean imdb = args[1].equals("imdb");
    long seed = Long.parseLong(args[2]);
    int epochs = Integer.parseInt(args[3]);
    ModelSpec spec = ModelSpec.builder(args[1]).seed(seed)
        .data(BuiltinSource.of(imdb ? BuiltinDataset.IMDB : BuiltinDataset.REUTERS))
        .classification(imdb ? 2 : 46).vectorize(Vectorization.multiHot(10_000))
        .epochs(epochs).batchSize(512).build();
    int hidden = imdb ? 16 : 64;
    ModelDefinition model = new ModelDefinition() {
      @Override
      public ModelSpec spec() {
        return spec;
      }

      @Override
      public NetworkConfiguration network(int inputs) {
        return NetworkConfiguration.of(conf(sparse, imdb, seed, hidden));
      }
    };

    long start = System.nanoTime();
    ModelInputs inputs = ModelInputs.prepare(model,
        new ExamplesReader(Path.of("."), MultiHotBench.class.getClassLoader(), line -> {}));
    double read = seconds(start);
    long prepared = System.nanoTime();
    PreparedData data = PreparedData.of(inputs.data(), inputs.split(),
        inputs.conf().dataType(), false);
    TrainableNetwork net = inputs.conf().create(seed);
    Batches.Epochs batches = data.train().shuffled(512, seed);
    double beforeFirstEpoch = seconds(prepared);
    List<Double> fits = new ArrayList<>();
    List<Double> measures = new ArrayList<>();
    for (int epoch = 0; epoch < epochs; epoch++) {
      long t = System.nanoTime();
      batches.nextEpoch(net::fit, done -> {});
      net.endEpoch();
      fits.add(seconds(t));
      t = System.nanoTime();
      data.train().inOrder(4096, chunk -> {
        net.score(chunk);
        net.output(chunk.getFeatures());
      });
      measures.add(seconds(t));
    }
    int[] correct = {0};
    int[] rows = {0};
    data.test().orElseThrow().inOrder(4096, chunk -> {
      INDArray out = net.output(chunk.getFeatures())[0];
      INDArray labels = chunk.getLabels(0);
      for (int r = 0; r < out.rows(); r++) {
        int predicted = imdb ? (out.getDouble(r, 0) >= 0.5 ? 1 : 0) : out.getRow(r).argMax().getInt(0);
        int actual = imdb ? (int) labels.getDouble(r, 0) : labels.getRow(r).argMax().getInt(0);
        correct[0] += predicted == actual ? 1 : 0;
        rows[0]++;
      }
    });
    long rss = 0;
    for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
      if (line.startsWith("VmHWM:")) {
        rss = Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024;
      }
    }
    System.out.println(String.format(Locale.ROOT,
        "%s %s seed=%d: read+vectorize %.2f s, to first minibatch %.2f s, fit step per epoch %s,"
            + " training-split pass %s, test accuracy %.4f (%d rows), peak RSS %d MB, train width %d",
        args[1], args[0], seed, read, beforeFirstEpoch, format(fits), format(measures),
        correct[0] / (double) rows[0], rows[0], rss, width(data)));
  }

  private static MultiLayerConfiguration conf(boolean sparse, boolean imdb, long seed,
      int hidden) {
    // As the generated code writes the sample models.
    FeedForwardLayer.Builder<?> first = sparse ? new MultiHotDense.Builder()
        : new DenseLayer.Builder();
    return new NeuralNetConfiguration.Builder()
        .seed(seed)
        .weightInit(WeightInit.XAVIER_UNIFORM)
        .updater(new RmsProp(0.001, 0.9, 1e-7))
        .list()
        .setInputType(InputType.feedForward(10_000))
        .layer(first.name("first").nOut(hidden).activation(Activation.RELU).build())
        .layer(new DenseLayer.Builder().name("second").nOut(hidden).activation(Activation.RELU)
            .build())
        .layer(imdb
            ? new OutputLayer.Builder(LossFunction.XENT).name("output").nOut(1)
                .activation(Activation.SIGMOID).build()
            : new OutputLayer.Builder(LossFunction.MCXENT).name("output").nOut(46)
                .activation(Activation.SOFTMAX).build())
        .build();
  }

  private static long width(PreparedData data) {
    long[] width = {0};
    data.train().inOrder(Integer.MAX_VALUE, chunk -> width[0] = chunk.getFeatures(0).columns());
    return width[0];
  }

  private static double seconds(long since) {
    return (System.nanoTime() - since) / 1e9;
  }

  private static String format(List<Double> values) {
    return values.stream().map(v -> String.format(Locale.ROOT, "%.2f", v)).toList().toString();
  }
}
