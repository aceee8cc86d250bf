package dev.deepbuild.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.deepbuild.processor.TestSources.compile;
import static dev.deepbuild.processor.TestSources.iris;
import static dev.deepbuild.processor.TestSources.model;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import java.io.IOException;
import java.util.List;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

class GeneratedCodeTest {

  private static final String EXPECTED_IRIS =
      """
      package com.example;

      import dev.deepbuild.annotations.Metric;
      import dev.deepbuild.build.gate.ThresholdSpec;
      import dev.deepbuild.runtime.data.CsvSource;
      import dev.deepbuild.runtime.model.ModelDefinition;
      import dev.deepbuild.runtime.model.ModelSpec;
      import dev.deepbuild.runtime.network.NetworkConfiguration;
      import javax.annotation.processing.Generated;
      import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
      import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
      import org.deeplearning4j.nn.conf.inputs.InputType;
      import org.deeplearning4j.nn.conf.layers.DenseLayer;
      import org.deeplearning4j.nn.conf.layers.DropoutLayer;
      import org.deeplearning4j.nn.conf.layers.OutputLayer;
      import org.deeplearning4j.nn.weights.WeightInit;
      import org.nd4j.linalg.activations.Activation;
      import org.nd4j.linalg.learning.config.Adam;
      import org.nd4j.linalg.lossfunctions.LossFunctions;

      @Generated(
          value = "dev.deepbuild.processor.DeepBuildProcessor",
          comments = "from com.example.IrisClassifier"
      )
      public final class DeepBuild_IrisClassifier implements ModelDefinition {
        @Override
        public ModelSpec spec() {
          return ModelSpec.builder("iris")
              .declaredBy("com.example.IrisClassifier")
              .seed(42L)
              .data(CsvSource.resource("iris.dat").labelIndex(4))
              .testFraction(0.2)
              .validationFraction(0.2)
              .classification(3)
              .standardize()
              .epochs(60)
              .batchSize(16)
              .threshold(ThresholdSpec.min(Metric.ACCURACY, 0.9))
              .build();
        }

        @Override
        public NetworkConfiguration network(int inputs) {
          MultiLayerConfiguration conf = new NeuralNetConfiguration.Builder()
              .seed(42L)
              .weightInit(WeightInit.XAVIER_UNIFORM)  // Keras's glorot_uniform
              .updater(new Adam(0.01, 0.9, 0.999, 1e-7))  // Keras's defaults for beta_1, beta_2, epsilon
              .list()
              .setInputType(InputType.feedForward(inputs))  // DL4J infers each layer's nIn from it
              .layer(new DenseLayer.Builder().name("hidden")
                  .nOut(16).activation(Activation.RELU)
                  .build())
              // Keras's Dropout(0.2) drops 20% of its inputs; DL4J's dropout takes the fraction kept.
              .layer(new DropoutLayer.Builder(0.8).name("drop").build())
              .layer(new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).name("output")
                  .nOut(3).activation(Activation.SOFTMAX)
                  .build())
              .build();
          return NetworkConfiguration.of(conf);
        }
      }
      """;

  private static final String EXPECTED_REGULARIZED_IRIS =
      """
      package com.example;

      import dev.deepbuild.annotations.Metric;
      import dev.deepbuild.build.gate.ThresholdSpec;
      import dev.deepbuild.runtime.data.CsvSource;
      import dev.deepbuild.runtime.model.EarlyStoppingSpec;
      import dev.deepbuild.runtime.model.ModelDefinition;
      import dev.deepbuild.runtime.model.ModelSpec;
      import dev.deepbuild.runtime.model.ScheduleSpec;
      import dev.deepbuild.runtime.network.NetworkConfiguration;
      import javax.annotation.processing.Generated;
      import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
      import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
      import org.deeplearning4j.nn.conf.constraint.MaxNormConstraint;
      import org.deeplearning4j.nn.conf.inputs.InputType;
      import org.deeplearning4j.nn.conf.layers.DenseLayer;
      import org.deeplearning4j.nn.conf.layers.DropoutLayer;
      import org.deeplearning4j.nn.conf.layers.OutputLayer;
      import org.deeplearning4j.nn.weights.WeightInit;
      import org.nd4j.linalg.activations.Activation;
      import org.nd4j.linalg.learning.config.Adam;
      import org.nd4j.linalg.lossfunctions.LossFunctions;

      @Generated(
          value = "dev.deepbuild.processor.DeepBuildProcessor",
          comments = "from com.example.RegularizedIris"
      )
      public final class DeepBuild_RegularizedIris implements ModelDefinition {
        @Override
        public ModelSpec spec() {
          return ModelSpec.builder("regularized-iris")
              .declaredBy("com.example.RegularizedIris")
              .seed(42L)
              .data(CsvSource.resource("iris.dat").labelIndex(4))
              .testFraction(0.2)
              .validationFraction(0.2)
              .classification(3)
              .standardize()
              .epochs(100)
              .batchSize(16)
              // stop after 10 epochs without a lower validation loss; keep the best epoch's weights
              .earlyStopping(EarlyStoppingSpec.on(Metric.LOSS).patience(10))
              // the learning rate times 0.5 every 20 epochs
              .learningRateSchedule(ScheduleSpec.step(20).factor(0.5))
              .threshold(ThresholdSpec.min(Metric.ACCURACY, 0.9))
              // accuracy at least 0.4 above the majority-class baseline's
              .threshold(ThresholdSpec.beatBaseline(Metric.ACCURACY, 0.4))
              .build();
        }

        @Override
        public NetworkConfiguration network(int inputs) {
          MultiLayerConfiguration conf = new NeuralNetConfiguration.Builder()
              .seed(42L)
              .weightInit(WeightInit.XAVIER_UNIFORM)  // Keras's glorot_uniform
              .updater(new Adam(0.01, 0.9, 0.999, 1e-7))  // Keras's defaults for beta_1, beta_2, epsilon
              .list()
              .setInputType(InputType.feedForward(inputs))  // DL4J infers each layer's nIn from it
              .layer(new DenseLayer.Builder().name("hidden")
                  .nOut(16).activation(Activation.RELU)
                  .l2(0.004)  // Keras's l2(0.002): DL4J's L2 adds half the squared sum
                  // Keras's MaxNorm(3.0): each unit's incoming weights, dimension 0 of [nIn, nOut]
                  .constrainWeights(new MaxNormConstraint(3.0, 0))
                  .build())
              .layer(new DenseLayer.Builder().name("second")
                  .nOut(16).activation(Activation.RELU)
                  .l1(0.001)
                  .l2(0.01)  // Keras's l2(0.005): DL4J's L2 adds half the squared sum
                  .build())
              // Keras's Dropout(0.2) drops 20% of its inputs; DL4J's dropout takes the fraction kept.
              .layer(new DropoutLayer.Builder(0.8).name("drop").build())
              .layer(new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).name("output")
                  .nOut(3).activation(Activation.SOFTMAX)
                  .build())
              .build();
          return NetworkConfiguration.of(conf);
        }
      }
      """;

  @Test
  void irisClassifierGeneratesItsDefinitionWhichCompilesAgainstDl4j() throws IOException {
    Compilation compilation = compile(iris());

    // Success means the generated code compiled too, against the runtime and DL4J.
    assertThat(compilation).succeededWithoutWarnings();
    assertThat(compilation)
        .generatedSourceFile("com.example.DeepBuild_IrisClassifier")
        .hasSourceEquivalentTo(
            JavaFileObjects.forSourceString("com.example.DeepBuild_IrisClassifier", EXPECTED_IRIS));
    // Comments and layout are part of what a reader gets, so the text is pinned as well.
    assertThat(generatedSource(compilation, "com.example.DeepBuild_IrisClassifier"))
        .isEqualTo(EXPECTED_IRIS);
  }

  @Test
  void regularizedClassifierConvertsKerasPenaltiesAndSpecifiesItsTrainingLoop() throws IOException {
    Compilation compilation = compile(TestSources.regularizedIris());

    // Success means the generated code compiled too, against the runtime and DL4J.
    assertThat(compilation).succeededWithoutWarnings();
    assertThat(generatedSource(compilation, "com.example.DeepBuild_RegularizedIris"))
        .isEqualTo(EXPECTED_REGULARIZED_IRIS);
  }

  @Test
  void specLinesSayWhatTheyMeanForEveryScheduleAndMonitor() throws IOException {
    Compilation compilation =
        compile(
            model(
                "Houses",
                """
                @Model
                @CsvData(file = "houses.csv", labelColumn = "price")
                @Train(epochs = 200, loss = MEAN_SQUARED_ERROR)
                @EarlyStopping(monitor = MAE, patience = 1, minDelta = 0.05,
                    restoreBestWeights = false)
                @LearningRateSchedule(value = ON_PLATEAU, factor = 0.2, patience = 4,
                    monitor = R2, minLearningRate = 1e-5)
                @Threshold(metric = MAE, max = 25000, beatBaselineBy = 5000, on = VALIDATION)
                class Houses {
                  @Dense(units = 8, activation = RELU, l1 = 0.01, l2 = 0) Layer hidden;
                  @Dense(units = 1, maxNorm = 2.5) Layer price;
                }
                """),
            model(
                "Decaying",
                """
                @Model
                @CsvData(resource = "iris.dat", label = 4)
                @Train(epochs = 10, loss = CATEGORICAL_CROSSENTROPY)
                @LearningRateSchedule(value = EXPONENTIAL, factor = 0.95)
                class Decaying {
                  @Dense(units = 3, activation = SOFTMAX) Layer output;
                }
                """));

    assertThat(compilation).succeededWithoutWarnings();
    String houses = generatedSource(compilation, "com.example.DeepBuild_Houses");
    assertThat(houses)
        .contains(
            "// stop after 1 epoch without a lower validation mae by at least 0.05; keep the last"
                + " epoch's\n"
                + "        // weights\n"
                + "        .earlyStopping(EarlyStoppingSpec.on(Metric.MAE).patience(1)"
                + ".minDelta(0.05)\n"
                + "            .restoreBestWeights(false))\n");
    assertThat(houses)
        .contains(
            "// the learning rate times 0.2 after 4 epochs without a higher validation r2, never"
                + " below\n"
                + "        // 1e-5\n"
                + "        .learningRateSchedule(ScheduleSpec.onPlateau(Metric.R2, 4).factor(0.2)\n"
                + "            .minLearningRate(1e-5))\n");
    assertThat(houses)
        .contains(
            "// mae at least 5000.0 below the mean baseline's\n"
                + "        .threshold(ThresholdSpec.max(Metric.MAE, 25000.0)"
                + ".beatBaselineBy(5000.0)\n"
                + "            .on(DataSplit.VALIDATION))\n");
    // l1 alone needs no conversion, l2 = 0 sets none; a constraint alone on the output layer.
    assertThat(houses)
        .contains(
            ".activation(Activation.RELU)\n            .l1(0.01)\n            .build())\n");
    assertThat(houses)
        .contains(
            ".name(\"price\")\n"
                + "            .nOut(1).activation(Activation.IDENTITY)\n"
                + "            // Keras's MaxNorm(2.5): each unit's incoming weights,"
                + " dimension 0 of [nIn, nOut]\n"
                + "            .constrainWeights(new MaxNormConstraint(2.5, 0))\n");
    assertThat(generatedSource(compilation, "com.example.DeepBuild_Decaying"))
        .contains(
            "// the learning rate times 0.95 after every epoch\n"
                + "        .learningRateSchedule(ScheduleSpec.exponential().factor(0.95))\n");
  }

  @Test
  void regressionModelReadsItsLabelColumnFromAFileAndTrainsOnMse() throws IOException {
    Compilation compilation =
        compile(
            model(
                "HousePrices",
                """
                @Model(seed = 7)
                @CsvData(file = "data/houses.csv", labelColumn = "price", delimiter = ';',
                    split = @Split(test = 0.25, validation = 0))
                @Train(epochs = 100, optimizer = @Optimizer(SGD), loss = MEAN_SQUARED_ERROR)
                @Threshold(metric = MAE, max = 25000)
                @Threshold(metric = R2, min = 0.7, on = TRAIN)
                class HousePrices {
                  @Dense(units = 32, activation = RELU) Layer hidden;
                  @Dense(units = 1) Layer price;
                }
                """));

    assertThat(compilation).succeededWithoutWarnings();
    String source = generatedSource(compilation, "com.example.DeepBuild_HousePrices");
    assertThat(source).contains("ModelSpec.builder(\"house-prices\")");
    assertThat(source)
        .contains(
            ".data(CsvSource.file(\"data/houses.csv\").labelColumn(\"price\").delimiter(';'))");
    assertThat(source).contains(".testFraction(0.25)\n        .regression()");
    assertThat(source).contains(".regression()");
    assertThat(source).doesNotContain(".standardize()");
    assertThat(source).contains(".threshold(ThresholdSpec.max(Metric.MAE, 25000.0))\n");
    assertThat(source)
        .contains(".threshold(ThresholdSpec.min(Metric.R2, 0.7).on(DataSplit.TRAIN))\n");
    assertThat(source).contains(".updater(new Sgd(0.01))  // Keras's SGD defaults");
    assertThat(source)
        .contains(
            ".layer(new OutputLayer.Builder(LossFunctions.LossFunction.MSE).name(\"price\")\n"
                + "            .nOut(1).activation(Activation.IDENTITY)\n"
                + "            .build())\n");
  }

  @Test
  void binaryClassifierUsesXentOnASigmoidUnitAndRmsPropWithKerasDefaults() throws IOException {
    Compilation compilation =
        compile(
            model(
                "Spam",
                """
                @Model(name = "spam")
                @CsvData(resource = "spam.csv", label = 0, header = true, classes = 2)
                @Train(epochs = 5, loss = BINARY_CROSSENTROPY)
                class Spam {
                  @Dense(units = 8, activation = TANH) Layer hidden;
                  @Dense(units = 1, activation = SIGMOID) Layer spam;
                }
                """));

    assertThat(compilation).succeededWithoutWarnings();
    String source = generatedSource(compilation, "com.example.DeepBuild_Spam");
    assertThat(source)
        .contains(".data(CsvSource.resource(\"spam.csv\").labelIndex(0).withHeader())");
    assertThat(source).contains(".classification(2)");
    assertThat(source).contains(".batchSize(32)");
    assertThat(source)
        .contains(".updater(new RmsProp(0.001, 0.9, 1e-7))  // Keras's RMSprop defaults");
    assertThat(source)
        .contains(
            ".layer(new OutputLayer.Builder(LossFunctions.LossFunction.XENT).name(\"spam\")\n"
                + "            .nOut(1).activation(Activation.SIGMOID)\n"
                + "            .build())\n");
  }

  @Test
  void dropoutFirstPassesTheInputsThroughToTheFirstDenseLayer() throws IOException {
    Compilation compilation =
        compile(
            iris(
                "@Dense(units = 16, activation = RELU) Layer hidden;\n  @Dropout(0.2) Layer drop;",
                "@Dropout(0.25) Layer noise;\n"
                    + "  @Dense(units = 16, activation = RELU) Layer hidden;",
                "classes = 3,", "",
                "value = ADAM, learningRate = 0.01", "ADAGRAD"));

    assertThat(compilation).succeededWithoutWarnings();
    String source = generatedSource(compilation, "com.example.DeepBuild_IrisClassifier");
    assertThat(source)
        .contains(".classification(0)  // 0: the classes are those found in the data");
    assertThat(source).contains(".updater(new AdaGrad(0.001, 1e-7))  // Keras's Adagrad defaults");
    assertThat(source).contains("// Keras's Dropout(0.25) drops 25% of its inputs");
    assertThat(source).contains(".layer(new DropoutLayer.Builder(0.75).name(\"noise\").build())");
    assertThat(source)
        .contains(".layer(new DenseLayer.Builder().name(\"hidden\")\n"
            + "            .nOut(16)");
    assertThat(source).contains(".name(\"output\")\n            .nOut(3)");
  }

  @Test
  void aDenseLayerOnMultiHotTextsTakesTheirWordIndices() throws IOException {
    Compilation compilation = compile(TestSources.imdb());

    assertThat(compilation).succeededWithoutWarnings();
    String source =
        generatedSource(compilation, "dev.deepbuild.samples.imdb.DeepBuild_ImdbClassifier");
    assertThat(source).contains("import dev.deepbuild.runtime.network.MultiHotDense;");
    assertThat(source).contains(".layer(new MultiHotDense.Builder().name(\"first\")\n");
    assertThat(source).contains(".layer(new DenseLayer.Builder().name(\"second\")\n");
  }

  @Test
  void nestedModelClassIsNamedAfterItsEnclosingClasses() throws IOException {
    Compilation compilation =
        compile(
            model(
                "Models",
                """
                class Models {
                  @Model
                  @CsvData(resource = "iris.dat", label = 4)
                  @Train(epochs = 10, loss = CATEGORICAL_CROSSENTROPY)
                  static class Iris {
                    @Dense(units = 3, activation = SOFTMAX) Layer output;
                  }
                }
                """));

    assertThat(compilation).succeededWithoutWarnings();
    String source = generatedSource(compilation, "com.example.DeepBuild_Models_Iris");
    assertThat(source).contains("comments = \"from com.example.Models.Iris\"");
    assertThat(source).contains("ModelSpec.builder(\"iris\")");
    assertThat(source)
        .contains(
            ".name(\"output\")\n            .nOut(3).activation(Activation.SOFTMAX)\n");
  }

  @Test
  void generatedCodeNamesEveryOptionAndFitsInOneHundredColumns() throws IOException {
    Compilation compilation =
        compile(
            TestSources.regularizedIris(),
            TestSources.imdb(),
            TestSources.boston(
                "@KFold(k = 4)",
                "@KFold(k = 4, iterations = 2, finalEpochs = FinalEpochs.BEST_MEAN)"),
            model(
                "LongWinded",
                """
                @Model(name = "a-model-whose-name-and-options-make-every-line-long")
                @CsvData(file = "data/a-rather-long-file-name.csv", labelColumn = "price")
                @Train(epochs = 200, loss = MEAN_SQUARED_ERROR)
                @EarlyStopping(monitor = MAE, patience = 12, minDelta = 0.0125,
                    restoreBestWeights = false)
                @LearningRateSchedule(value = ON_PLATEAU, factor = 0.125, patience = 14,
                    monitor = R2, minLearningRate = 1.25e-6)
                @Threshold(metric = MAE, min = 1.5, max = 25000.5, beatBaselineBy = 5000.25,
                    on = VALIDATION)
                class LongWinded {
                  @Dense(units = 8, activation = RELU, l1 = 0.0125, l2 = 0.0025, maxNorm = 2.5)
                  Layer aHiddenLayerWithAVeryLongFieldName;
                  @Dropout(0.25) Layer aDropoutLayerWhoseFieldNameIsLongEnoughToBreakItsLine;
                  @Dense(units = 1, maxNorm = 2.5) Layer anOutputLayerWithAnEvenLongerFieldName;
                }
                """));

    assertThat(compilation).succeededWithoutWarnings();
    for (String name :
        List.of("com.example.DeepBuild_RegularizedIris",
            "dev.deepbuild.samples.imdb.DeepBuild_ImdbClassifier",
            "dev.deepbuild.samples.boston.DeepBuild_BostonHousing",
            "com.example.DeepBuild_LongWinded")) {
      String source = generatedSource(compilation, name);
      // Options are named: no placeholder stands for an option left open or unused.
      assertThat(source).doesNotContain("Double.NaN");
      assertThat(source).doesNotContain("LearningRateSchedule.Type");
      for (String line : source.split("\n")) {
        assertWithMessage("%s: %s", name, line).that(line.length()).isAtMost(100);
      }
    }
  }

  static String generatedSource(Compilation compilation, String qualifiedName) throws IOException {
    JavaFileObject file = compilation.generatedSourceFile(qualifiedName).orElseThrow();
    return file.getCharContent(false).toString();
  }
}
