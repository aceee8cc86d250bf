package dev.deepbuild.processor;

import static com.google.common.collect.Iterables.getOnlyElement;
import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.deepbuild.processor.TestSources.compile;
import static dev.deepbuild.processor.TestSources.iris;

import com.google.testing.compile.Compilation;
import dev.deepbuild.annotations.BuiltinDataset;
import dev.deepbuild.annotations.DataSplit;
import dev.deepbuild.annotations.FinalEpochs;
import dev.deepbuild.annotations.LearningRateSchedule;
import dev.deepbuild.annotations.Metric;
import dev.deepbuild.annotations.OutputMode;
import dev.deepbuild.annotations.Task;
import dev.deepbuild.build.gate.ThresholdSpec;
import dev.deepbuild.runtime.data.BuiltinSource;
import dev.deepbuild.runtime.data.CsvSource;
import dev.deepbuild.runtime.data.TextSource;
import dev.deepbuild.runtime.model.EarlyStoppingSpec;
import dev.deepbuild.runtime.model.KFoldSpec;
import dev.deepbuild.runtime.model.ModelDefinition;
import dev.deepbuild.runtime.model.ModelSpec;
import dev.deepbuild.runtime.model.ScheduleSpec;
import dev.deepbuild.runtime.model.Vectorization;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;
import javax.tools.JavaFileObject;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.constraint.MaxNormConstraint;
import org.deeplearning4j.nn.conf.dropout.Dropout;
import dev.deepbuild.runtime.network.MultiHotDense;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.DropoutLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInit;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.activations.impl.ActivationIdentity;
import org.nd4j.linalg.activations.impl.ActivationReLU;
import org.nd4j.linalg.activations.impl.ActivationSoftmax;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.learning.config.Sgd;
import org.nd4j.linalg.learning.regularization.L1Regularization;
import org.nd4j.linalg.learning.regularization.L2Regularization;
import org.nd4j.linalg.lossfunctions.LossFunctions;
import org.nd4j.linalg.lossfunctions.impl.LossMAE;
import org.nd4j.linalg.lossfunctions.impl.LossMCXENT;

/** Runs the generated code: loads the class the processor wrote and builds its network. */
class GeneratedModelTest {

  @Test
  void generatedIrisDefinitionBuildsTheNetworkAndSpecItDescribes() throws Exception {
    ModelDefinition iris = load(compile(iris()), "com.example.DeepBuild_IrisClassifier");

    MultiLayerConfiguration network = sequential(iris, 4);
    assertThat(network.getConfs()).hasSize(3);
    DenseLayer hidden = (DenseLayer) network.getConf(0).getLayer();
    assertThat(hidden.getLayerName()).isEqualTo("hidden");
    assertThat(hidden.getNIn()).isEqualTo(4);
    assertThat(hidden.getNOut()).isEqualTo(16);
    assertThat(hidden.getActivationFn()).isInstanceOf(ActivationReLU.class);
    DropoutLayer drop = (DropoutLayer) network.getConf(1).getLayer();
    assertThat(((Dropout) drop.getIDropout()).getP()).isEqualTo(0.8);
    OutputLayer output = (OutputLayer) network.getConf(2).getLayer();
    assertThat(output.getNIn()).isEqualTo(16);
    assertThat(output.getNOut()).isEqualTo(3);
    assertThat(output.getActivationFn()).isInstanceOf(ActivationSoftmax.class);
    assertThat(output.getLossFn()).isInstanceOf(LossMCXENT.class);
    Adam adam = (Adam) hidden.getIUpdater();
    assertThat(adam.getLearningRate()).isEqualTo(0.01);
    assertThat(adam.getEpsilon()).isEqualTo(1e-7);

    // 4 inputs: (4 * 16 + 16) + (16 * 3 + 3) weights and biases.
    MultiLayerNetwork net = new MultiLayerNetwork(network);
    net.init();
    assertThat(net.numParams()).isEqualTo(131);

    ModelSpec spec = iris.spec();
    assertThat(spec.name()).isEqualTo("iris");
    assertThat(spec.declaringClass()).isEqualTo("com.example.IrisClassifier");
    assertThat(spec.seed()).isEqualTo(42L);
    assertThat(spec.data()).isEqualTo(CsvSource.resource("iris.dat").labelIndex(4));
    assertThat(spec.testFraction()).isEqualTo(0.2);
    assertThat(spec.validationFraction()).isEqualTo(0.2);
    assertThat(spec.task()).isEqualTo(Task.CLASSIFICATION);
    assertThat(spec.classes()).isEqualTo(3);
    assertThat(spec.standardize()).isTrue();
    assertThat(spec.epochs()).isEqualTo(60);
    assertThat(spec.batchSize()).isEqualTo(16);
    assertThat(spec.thresholds())
        .containsExactly(new ThresholdSpec(Metric.ACCURACY, DataSplit.TEST, 0.9, Double.NaN));
  }

  @Test
  void generatedRegressionDefinitionStartingWithDropoutBuildsItsNetwork() throws Exception {
    ModelDefinition houses =
        load(
            compile(
                TestSources.model(
                    "Houses",
                    """
                    @Model
                    @CsvData(file = "houses.csv", labelColumn = "price", delimiter = ';')
                    @Train(epochs = 3, optimizer = @Optimizer(value = SGD, learningRate = 0.05),
                        loss = MEAN_ABSOLUTE_ERROR)
                    @Threshold(metric = MAE, max = 20000)
                    class Houses {
                      @Dropout(0.1) Layer noise;
                      @Dense(units = 8, activation = ELU) Layer hidden;
                      @Dense(units = 1) Layer price;
                    }
                    """)),
            "com.example.DeepBuild_Houses");

    MultiLayerNetwork net = new MultiLayerNetwork(sequential(houses, 3));
    net.init();
    // (3 * 8 + 8) + (8 * 1 + 1) weights and biases; dropout has none.
    assertThat(net.numParams()).isEqualTo(41);
    OutputLayer price = (OutputLayer) net.getLayerWiseConfigurations().getConf(2).getLayer();
    assertThat(price.getLossFn()).isInstanceOf(LossMAE.class);
    assertThat(price.getActivationFn()).isInstanceOf(ActivationIdentity.class);
    assertThat(((Sgd) price.getIUpdater()).getLearningRate()).isEqualTo(0.05);

    ModelSpec spec = houses.spec();
    assertThat(spec.name()).isEqualTo("houses");
    assertThat(spec.data())
        .isEqualTo(CsvSource.file("houses.csv").labelColumn("price").delimiter(';'));
    assertThat(spec.task()).isEqualTo(Task.REGRESSION);
    assertThat(spec.standardize()).isFalse();
    assertThat(spec.batchSize()).isEqualTo(32);
    assertThat(spec.thresholds())
        .containsExactly(new ThresholdSpec(Metric.MAE, DataSplit.TEST, Double.NaN, 20000));
  }

  @Test
  void generatedImdbDefinitionTakesTenThousandMultiHotColumns() throws Exception {
    ModelDefinition imdb =
        load(compile(TestSources.imdb()), "dev.deepbuild.samples.imdb.DeepBuild_ImdbClassifier");

    MultiLayerNetwork net = new MultiLayerNetwork(sequential(imdb, 10_000));
    net.init();
    // (10000 * 16 + 16) + (16 * 16 + 16) + (16 * 1 + 1) weights and biases.
    assertThat(net.numParams()).isEqualTo(160_305);
    // The first layer takes the reviews' word indices; its weights are still 10,000 x 16.
    assertThat(net.getLayerWiseConfigurations().getConf(0).getLayer())
        .isInstanceOf(MultiHotDense.class);
    assertThat(((MultiHotDense) net.getLayerWiseConfigurations().getConf(0).getLayer()).getNIn())
        .isEqualTo(10_000);
    assertThat(net.getLayerWiseConfigurations().getConf(1).getLayer())
        .isInstanceOf(DenseLayer.class);

    ModelSpec spec = imdb.spec();
    assertThat(spec.data()).isEqualTo(BuiltinSource.of(BuiltinDataset.IMDB));
    assertThat(spec.task()).isEqualTo(Task.CLASSIFICATION);
    assertThat(spec.classes()).isEqualTo(2);
    assertThat(spec.vectorization()).isEqualTo(new Vectorization(10_000, OutputMode.MULTI_HOT, 0));
    assertThat(spec.vectorization().features()).isEqualTo(10_000);
    assertThat(spec.kFold()).isNull();
    assertThat(spec.standardize()).isFalse();
    assertThat(spec.epochs()).isEqualTo(4);
    assertThat(spec.batchSize()).isEqualTo(512);
    assertThat(spec.thresholds())
        .containsExactly(new ThresholdSpec(Metric.ACCURACY, DataSplit.TEST, 0.86, Double.NaN));
  }

  @Test
  void bestMeanFinalEpochsReachTheSpec() throws Exception {
    ModelDefinition boston =
        load(
            compile(
                TestSources.boston(
                    "@KFold(k = 4)",
                    "@KFold(k = 4, iterations = 2, finalEpochs = FinalEpochs.BEST_MEAN)")),
            "dev.deepbuild.samples.boston.DeepBuild_BostonHousing");

    assertThat(boston.spec().kFold()).isEqualTo(new KFoldSpec(4, 2, FinalEpochs.BEST_MEAN));
  }

  @Test
  void generatedBostonDefinitionIsAFourFoldRegressionOnThirteenFeatures() throws Exception {
    ModelDefinition boston =
        load(
            compile(TestSources.boston()),
            "dev.deepbuild.samples.boston.DeepBuild_BostonHousing");

    MultiLayerNetwork net = new MultiLayerNetwork(sequential(boston, 13));
    net.init();
    // (13 * 64 + 64) + (64 * 64 + 64) + (64 * 1 + 1) weights and biases.
    assertThat(net.numParams()).isEqualTo(5_121);

    ModelSpec spec = boston.spec();
    assertThat(spec.data()).isEqualTo(BuiltinSource.of(BuiltinDataset.BOSTON_HOUSING));
    assertThat(spec.task()).isEqualTo(Task.REGRESSION);
    assertThat(spec.standardize()).isTrue();
    assertThat(spec.vectorization()).isNull();
    assertThat(spec.kFold()).isEqualTo(new KFoldSpec(4, 1));
    assertThat(spec.thresholds())
        .containsExactly(
            new ThresholdSpec(Metric.MAE, DataSplit.TEST, Double.NaN, 3.0),
            new ThresholdSpec(Metric.MAE, DataSplit.KFOLD_MEAN, Double.NaN, 3.0))
        .inOrder();
  }

  @Test
  void generatedTextFileDefinitionNamesItsFieldsAndSequenceLength() throws Exception {
    ModelDefinition tickets =
        load(
            compile(
                TestSources.model(
                    "Tickets",
                    """
                    @Model
                    @TextData(file = "tickets.json", textField = "body", labelField = "queue",
                        split = @Split(test = 0.25, validation = 0.1))
                    @TextVectorization(maxTokens = 20000, outputMode = INT,
                        outputSequenceLength = 200)
                    @Train(epochs = 5, loss = CATEGORICAL_CROSSENTROPY)
                    class Tickets {
                      @Dense(units = 4, activation = SOFTMAX) Layer queue;
                    }
                    """)),
            "com.example.DeepBuild_Tickets");

    assertThat(((OutputLayer) sequential(tickets, 200).getConf(0).getLayer()).getNIn())
        .isEqualTo(200);
    ModelSpec spec = tickets.spec();
    assertThat(spec.data()).isEqualTo(TextSource.file("tickets.json").fields("body", "queue"));
    assertThat(spec.testFraction()).isEqualTo(0.25);
    assertThat(spec.validationFraction()).isEqualTo(0.1);
    assertThat(spec.classes()).isEqualTo(0);
    assertThat(spec.vectorization()).isEqualTo(new Vectorization(20_000, OutputMode.INT, 200));
    assertThat(spec.vectorization().features()).isEqualTo(200);
  }

  @Test
  void generatedRegularizedDefinitionGivesKerasPenaltiesConstraintAndTrainingLoop()
      throws Exception {
    ModelDefinition iris =
        load(compile(TestSources.regularizedIris()), "com.example.DeepBuild_RegularizedIris");

    MultiLayerConfiguration network = sequential(iris, 4);
    DenseLayer hidden = (DenseLayer) network.getConf(0).getLayer();
    DenseLayer second = (DenseLayer) network.getConf(1).getLayer();
    OutputLayer output = (OutputLayer) network.getConf(3).getLayer();
    // Keras's l2(0.002) from @Regularization is DL4J's 0.004; the layer's own l2(0.005) is 0.01.
    assertThat(hidden.getRegularization()).containsExactly(new L2Regularization(0.004));
    assertThat(second.getRegularization())
        .containsExactly(new L1Regularization(0.001), new L2Regularization(0.01))
        .inOrder();
    assertThat(output.getRegularization()).isEmpty();
    // Weights only, as Keras's kernel_regularizer.
    assertThat(hidden.getRegularizationBias()).isEmpty();
    assertThat(second.getRegularizationBias()).isEmpty();
    MaxNormConstraint maxNorm = (MaxNormConstraint) getOnlyElement(hidden.getConstraints());
    assertThat(maxNorm.getMaxNorm()).isEqualTo(3.0);
    assertThat(maxNorm.getDimensions()).asList().containsExactly(0);
    assertThat(maxNorm.getParams()).containsExactly("W");
    assertThat(second.getConstraints()).isNull();

    MultiLayerNetwork net = new MultiLayerNetwork(network);
    net.init();
    // The penalty DL4J adds to the loss is Keras's: 0.002 * sum(w²) over hidden's 4 x 16
    // weights, 0.001 * sum(|w|) + 0.005 * sum(w²) over second's 16 x 16, none on the output
    // layer or on any bias.
    for (int layer : new int[] {0, 1, 3}) {
      net.getLayer(layer).getParam("W").assign(0.5);
      net.getLayer(layer).getParam("b").assign(1.0);
    }
    double keras = 0.002 * 64 * 0.25 + 0.001 * 256 * 0.5 + 0.005 * 256 * 0.25;
    assertThat(net.calcRegularizationScore(true)).isWithin(1e-6).of(keras);

    // MaxNorm(3) as Keras's axis 0: each unit's 4 incoming weights of 2 (norm 4) scale to norm 3,
    // 1.5 each; taken over each input's 16 outgoing weights (norm 8), they would be 0.75.
    net.getLayer(0).getParam("W").assign(2.0);
    net.getLayer(0).applyConstraints(0, 0);
    INDArray weights = net.getLayer(0).getParam("W");
    assertThat(weights.minNumber().doubleValue()).isWithin(1e-5).of(1.5);
    assertThat(weights.maxNumber().doubleValue()).isWithin(1e-5).of(1.5);
    assertThat(net.getLayer(1).getParam("W").maxNumber().doubleValue()).isEqualTo(0.5);

    ModelSpec spec = iris.spec();
    assertThat(spec.earlyStopping()).isEqualTo(new EarlyStoppingSpec(Metric.LOSS, 10, 0, true));
    assertThat(spec.schedule())
        .isEqualTo(
            new ScheduleSpec(LearningRateSchedule.Type.STEP, 0.5, 20, 5, Metric.LOSS, 0));
    assertThat(spec.thresholds())
        .containsExactly(
            new ThresholdSpec(Metric.ACCURACY, DataSplit.TEST, 0.9, Double.NaN),
            new ThresholdSpec(Metric.ACCURACY, DataSplit.TEST, Double.NaN, Double.NaN, 0.4))
        .inOrder();
    assertThat(spec.thresholds().get(1).hasBaselineMargin()).isTrue();
  }

  /**
   * The generated network states its input type and no nIn: DL4J infers every layer's nIn, and
   * the network is the one that states them (the old generated code), to its JSON, which the
   * fingerprint digests, and to the parameters it trains to.
   */
  @Test
  void inferredInputCountsGiveTheNetworkThatStatesThem() throws Exception {
    ModelDefinition iris =
        load(compile(TestSources.regularizedIris()), "com.example.DeepBuild_RegularizedIris");
    MultiLayerConfiguration inferred = sequential(iris, 4);
    MultiLayerConfiguration stated = new NeuralNetConfiguration.Builder()
        .seed(42L)
        .weightInit(WeightInit.XAVIER_UNIFORM)
        .updater(new Adam(0.01, 0.9, 0.999, 1e-7))
        .list()
        .layer(new DenseLayer.Builder().name("hidden")
            .nIn(4).nOut(16).activation(Activation.RELU)
            .l2(0.004)
            .constrainWeights(new MaxNormConstraint(3.0, 0))
            .build())
        .layer(new DenseLayer.Builder().name("second")
            .nIn(16).nOut(16).activation(Activation.RELU)
            .l1(0.001)
            .l2(0.01)
            .build())
        .layer(new DropoutLayer.Builder(0.8).name("drop").build())
        .layer(new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).name("output")
            .nIn(16).nOut(3).activation(Activation.SOFTMAX)
            .build())
        .build();

    assertThat(((DenseLayer) inferred.getConf(1).getLayer()).getNIn()).isEqualTo(16);
    assertThat(inferred.getInputPreProcessors()).isEmpty();
    assertThat(inferred.toJson()).isEqualTo(stated.toJson());
    assertThat(trainedParameters(inferred)).isEqualTo(trainedParameters(stated));
  }

  /** The parameters after 5 updates on 12 fixed iris-like samples, dropout included. */
  private static float[] trainedParameters(MultiLayerConfiguration configuration) {
    float[][] features = new float[12][4];
    float[][] labels = new float[12][3];
    for (int i = 0; i < 12; i++) {
      for (int j = 0; j < 4; j++) {
        features[i][j] = (i * 7 + j * 3) % 11 / 5f - 1;
      }
      labels[i][i % 3] = 1;
    }
    MultiLayerNetwork net = new MultiLayerNetwork(configuration);
    net.init();
    DataSet data = new DataSet(Nd4j.create(features), Nd4j.create(labels));
    for (int update = 0; update < 5; update++) {
      net.fit(data);
    }
    return net.params().toFloatVector();
  }

  @Test
  void generatedDefinitionWithoutTrainingLoopOptionsHasNone() throws Exception {
    ModelSpec spec = load(compile(iris()), "com.example.DeepBuild_IrisClassifier").spec();

    assertThat(spec.earlyStopping()).isNull();
    assertThat(spec.schedule()).isNull();
    assertThat(spec.thresholds().get(0).hasBaselineMargin()).isFalse();
  }

  /** Instantiates a generated class from the compilation's in-memory class files. */
  /** The generated sequential configuration, as DL4J reads it back from its JSON. */
  static MultiLayerConfiguration sequential(ModelDefinition model, int inputs) {
    return MultiLayerConfiguration.fromJson(model.network(inputs).toJson());
  }

  static ModelDefinition load(Compilation compilation, String className) throws Exception {
    return (ModelDefinition)
        classLoader(compilation).loadClass(className).getDeclaredConstructor().newInstance();
  }

  /** A class loader of the classes a successful compilation wrote, over the test's own. */
  static ClassLoader classLoader(Compilation compilation) {
    assertThat(compilation).succeeded();
    Map<String, JavaFileObject> classFiles = new HashMap<>();
    for (JavaFileObject file : compilation.generatedFiles()) {
      if (file.getKind() == JavaFileObject.Kind.CLASS) {
        // Paths look like /CLASS_OUTPUT/com/example/DeepBuild_IrisClassifier.class.
        String path = file.toUri().getPath();
        String name = path.substring(path.indexOf('/', 1) + 1, path.length() - ".class".length());
        classFiles.put(name.replace('/', '.'), file);
      }
    }
    ClassLoader loader =
        new ClassLoader(GeneratedModelTest.class.getClassLoader()) {
          @Override
          protected Class<?> findClass(String name) throws ClassNotFoundException {
            JavaFileObject file = classFiles.get(name);
            if (file == null) {
              throw new ClassNotFoundException(name);
            }
            try (InputStream in = file.openInputStream()) {
              byte[] bytes = in.readAllBytes();
              return defineClass(name, bytes, 0, bytes.length);
            } catch (IOException e) {
              throw new UncheckedIOException(e);
            }
          }
        };
    return loader;
  }
}
