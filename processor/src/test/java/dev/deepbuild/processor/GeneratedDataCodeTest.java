package dev.deepbuild.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.deepbuild.processor.GeneratedCodeTest.generatedSource;
import static dev.deepbuild.processor.TestSources.boston;
import static dev.deepbuild.processor.TestSources.compile;
import static dev.deepbuild.processor.TestSources.imdb;
import static dev.deepbuild.processor.TestSources.model;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import java.io.IOException;
import org.junit.jupiter.api.Test;

/** Generated code for built-in datasets, texts, vectorization and k-fold validation. */
class GeneratedDataCodeTest {

  private static final String EXPECTED_IMDB =
      """
      package dev.deepbuild.samples.imdb;

      import dev.deepbuild.annotations.BuiltinDataset;
      import dev.deepbuild.annotations.Metric;
      import dev.deepbuild.build.gate.ThresholdSpec;
      import dev.deepbuild.runtime.data.BuiltinSource;
      import dev.deepbuild.runtime.model.ModelDefinition;
      import dev.deepbuild.runtime.model.ModelSpec;
      import dev.deepbuild.runtime.model.Vectorization;
      import dev.deepbuild.runtime.network.MultiHotDense;
      import dev.deepbuild.runtime.network.NetworkConfiguration;
      import javax.annotation.processing.Generated;
      import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
      import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
      import org.deeplearning4j.nn.conf.inputs.InputType;
      import org.deeplearning4j.nn.conf.layers.DenseLayer;
      import org.deeplearning4j.nn.conf.layers.OutputLayer;
      import org.deeplearning4j.nn.weights.WeightInit;
      import org.nd4j.linalg.activations.Activation;
      import org.nd4j.linalg.learning.config.RmsProp;
      import org.nd4j.linalg.lossfunctions.LossFunctions;

      @Generated(
          value = "dev.deepbuild.processor.DeepBuildProcessor",
          comments = "from dev.deepbuild.samples.imdb.ImdbClassifier"
      )
      public final class DeepBuild_ImdbClassifier implements ModelDefinition {
        @Override
        public ModelSpec spec() {
          return ModelSpec.builder("imdb")
              .declaredBy("dev.deepbuild.samples.imdb.ImdbClassifier")
              .seed(42L)
              .data(BuiltinSource.of(BuiltinDataset.IMDB))
              .classification(2)
              .vectorize(Vectorization.multiHot(10000))
              .epochs(4)
              .batchSize(512)
              .threshold(ThresholdSpec.min(Metric.ACCURACY, 0.86))
              .build();
        }

        @Override
        public NetworkConfiguration network(int inputs) {
          MultiLayerConfiguration conf = new NeuralNetConfiguration.Builder()
              .seed(42L)
              .weightInit(WeightInit.XAVIER_UNIFORM)  // Keras's glorot_uniform
              .updater(new RmsProp(0.001, 0.9, 1e-7))  // Keras's RMSprop defaults
              .list()
              // inputs is 10000: a multi-hot column per vocabulary word (maxTokens)
              .setInputType(InputType.feedForward(10000))  // DL4J infers each layer's nIn from it
              // first is Keras's Dense on the multi-hot texts, taking each text as the indices of its
              // words: it sums their weight rows, the product with the 0/1 row without making that row
              .layer(new MultiHotDense.Builder().name("first")
                  .nOut(16).activation(Activation.RELU)
                  .build())
              .layer(new DenseLayer.Builder().name("second")
                  .nOut(16).activation(Activation.RELU)
                  .build())
              .layer(new OutputLayer.Builder(LossFunctions.LossFunction.XENT).name("output")
                  .nOut(1).activation(Activation.SIGMOID)
                  .build())
              .build();
          return NetworkConfiguration.of(conf);
        }
      }
      """;

  private static final String EXPECTED_BOSTON =
      """
      package dev.deepbuild.samples.boston;

      import dev.deepbuild.annotations.BuiltinDataset;
      import dev.deepbuild.annotations.DataSplit;
      import dev.deepbuild.annotations.Metric;
      import dev.deepbuild.build.gate.ThresholdSpec;
      import dev.deepbuild.runtime.data.BuiltinSource;
      import dev.deepbuild.runtime.model.KFoldSpec;
      import dev.deepbuild.runtime.model.ModelDefinition;
      import dev.deepbuild.runtime.model.ModelSpec;
      import dev.deepbuild.runtime.network.NetworkConfiguration;
      import javax.annotation.processing.Generated;
      import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
      import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
      import org.deeplearning4j.nn.conf.inputs.InputType;
      import org.deeplearning4j.nn.conf.layers.DenseLayer;
      import org.deeplearning4j.nn.conf.layers.OutputLayer;
      import org.deeplearning4j.nn.weights.WeightInit;
      import org.nd4j.linalg.activations.Activation;
      import org.nd4j.linalg.learning.config.RmsProp;
      import org.nd4j.linalg.lossfunctions.LossFunctions;

      @Generated(
          value = "dev.deepbuild.processor.DeepBuildProcessor",
          comments = "from dev.deepbuild.samples.boston.BostonHousing"
      )
      public final class DeepBuild_BostonHousing implements ModelDefinition {
        @Override
        public ModelSpec spec() {
          return ModelSpec.builder("boston")
              .declaredBy("dev.deepbuild.samples.boston.BostonHousing")
              .seed(42L)
              .data(BuiltinSource.of(BuiltinDataset.BOSTON_HOUSING))
              .regression()
              .standardize()
              .kFold(KFoldSpec.folds(4))
              .epochs(130)
              .batchSize(16)
              .threshold(ThresholdSpec.max(Metric.MAE, 3.0))
              .threshold(ThresholdSpec.max(Metric.MAE, 3.0).on(DataSplit.KFOLD_MEAN))
              .build();
        }

        @Override
        public NetworkConfiguration network(int inputs) {
          MultiLayerConfiguration conf = new NeuralNetConfiguration.Builder()
              .seed(42L)
              .weightInit(WeightInit.XAVIER_UNIFORM)  // Keras's glorot_uniform
              .updater(new RmsProp(0.001, 0.9, 1e-7))  // Keras's RMSprop defaults
              .list()
              // inputs is 13: BOSTON_HOUSING's features
              .setInputType(InputType.feedForward(13))  // DL4J infers each layer's nIn from it
              .layer(new DenseLayer.Builder().name("first")
                  .nOut(64).activation(Activation.RELU)
                  .build())
              .layer(new DenseLayer.Builder().name("second")
                  .nOut(64).activation(Activation.RELU)
                  .build())
              .layer(new OutputLayer.Builder(LossFunctions.LossFunction.MSE).name("output")
                  .nOut(1).activation(Activation.IDENTITY)
                  .build())
              .build();
          return NetworkConfiguration.of(conf);
        }
      }
      """;

  @Test
  void imdbClassifierReadsTheBuiltinDatasetAsMultiHotVectorsOfKnownWidth() throws IOException {
    Compilation compilation = compile(imdb());

    // Success means the generated code compiled too, against the runtime and DL4J.
    assertThat(compilation).succeededWithoutWarnings();
    String name = "dev.deepbuild.samples.imdb.DeepBuild_ImdbClassifier";
    assertThat(compilation)
        .generatedSourceFile(name)
        .hasSourceEquivalentTo(JavaFileObjects.forSourceString(name, EXPECTED_IMDB));
    assertThat(generatedSource(compilation, name)).isEqualTo(EXPECTED_IMDB);
  }

  @Test
  void bostonRegressionIsCrossValidatedInFourFoldsAndGatedOnTheirMean() throws IOException {
    Compilation compilation = compile(boston());

    assertThat(compilation).succeededWithoutWarnings();
    String name = "dev.deepbuild.samples.boston.DeepBuild_BostonHousing";
    assertThat(compilation)
        .generatedSourceFile(name)
        .hasSourceEquivalentTo(JavaFileObjects.forSourceString(name, EXPECTED_BOSTON));
    assertThat(generatedSource(compilation, name)).isEqualTo(EXPECTED_BOSTON);
  }

  @Test
  void reutersClassifiesIntoItsFortySixTopics() throws IOException {
    Compilation compilation =
        compile(
            model(
                "Reuters",
                """
                @Model
                @Dataset(REUTERS)
                @TextVectorization
                @Train(epochs = 9, batchSize = 512, loss = CATEGORICAL_CROSSENTROPY)
                class Reuters {
                  @Dense(units = 64, activation = RELU) Layer hidden;
                  @Dense(units = 46, activation = SOFTMAX) Layer topic;
                }
                """));

    assertThat(compilation).succeededWithoutWarnings();
    String source = generatedSource(compilation, "com.example.DeepBuild_Reuters");
    assertThat(source).contains(".data(BuiltinSource.of(BuiltinDataset.REUTERS))");
    assertThat(source).contains(".classification(46)");
    // The annotation's defaults: 10,000 multi-hot columns.
    assertThat(source).contains(".vectorize(Vectorization.multiHot(10000))\n");
    assertThat(source).contains(".name(\"hidden\")\n            .nOut(64)");
  }

  @Test
  void datasetValidationFractionIsWrittenWhenSet() throws IOException {
    Compilation compilation =
        compile(
            imdb("@Dataset(IMDB)", "@Dataset(value = IMDB, validation = 0.25)",
                "min = 0.86)", "min = 0.86, on = VALIDATION)"));

    assertThat(compilation).succeededWithoutWarnings();
    String source =
        generatedSource(compilation, "dev.deepbuild.samples.imdb.DeepBuild_ImdbClassifier");
    assertThat(source)
        .contains(
            ".data(BuiltinSource.of(BuiltinDataset.IMDB))\n"
                + "        .validationFraction(0.25)\n"
                + "        .classification(2)\n");
    assertThat(source).doesNotContain(".testFraction(");
    assertThat(source)
        .contains(
            ".threshold(ThresholdSpec.min(Metric.ACCURACY, 0.86).on(DataSplit.VALIDATION))\n");
  }

  @Test
  void textFolderModelSplitsItsOwnTextsAndInfersTheClasses() throws IOException {
    Compilation compilation =
        compile(
            model(
                "Reviews",
                """
                @Model(name = "reviews")
                @TextData(folder = "data/reviews", split = @Split(test = 0.2, validation = 0.1))
                @TextVectorization(maxTokens = 5000)
                @Train(epochs = 10, loss = CATEGORICAL_CROSSENTROPY)
                @Threshold(metric = ACCURACY, min = 0.8, on = VALIDATION)
                class Reviews {
                  @Dropout(0.1) Layer noise;
                  @Dense(units = 32, activation = RELU) Layer hidden;
                  @Dense(units = 3, activation = SOFTMAX) Layer output;
                }
                """));

    assertThat(compilation).succeededWithoutWarnings();
    String source = generatedSource(compilation, "com.example.DeepBuild_Reviews");
    assertThat(source)
        .contains(
            ".data(TextSource.folder(\"data/reviews\"))\n"
                + "        .testFraction(0.2)\n"
                + "        .validationFraction(0.1)\n"
                + "        .classification(0)  // 0: the classes are those found in the data\n"
                + "        .vectorize(Vectorization.multiHot(5000))\n");
    assertThat(source)
        .contains(".threshold(ThresholdSpec.min(Metric.ACCURACY, 0.8).on(DataSplit.VALIDATION))\n");
    // The known input size is the network's input type, which DL4J passes through the dropout
    // layer to the first dense layer.
    assertThat(source)
        .contains(
            "// inputs is 5000: a multi-hot column per vocabulary word (maxTokens)\n"
                + "        .setInputType(InputType.feedForward(5000))");
    assertThat(source)
        .contains("nIn from it\n        // Keras's Dropout(0.1) drops 10% of its inputs");
    assertThat(source).contains(".name(\"hidden\")\n            .nOut(32)");
  }

  @Test
  void textFileModelNamesItsCustomFieldsAndEncodesWordIndices() throws IOException {
    Compilation compilation =
        compile(
            model(
                "Tickets",
                """
                @Model
                @TextData(file = "data/tickets.json", textField = "body", labelField = "queue",
                    split = @Split(test = 0.25, validation = 0))
                @TextVectorization(maxTokens = 20000, outputMode = INT, outputSequenceLength = 200)
                @Train(epochs = 5, loss = BINARY_CROSSENTROPY)
                class Tickets {
                  @Dense(units = 8, activation = RELU) Layer hidden;
                  @Dense(units = 1, activation = SIGMOID) Layer urgent;
                }
                """));

    assertThat(compilation).succeededWithoutWarnings();
    String source = generatedSource(compilation, "com.example.DeepBuild_Tickets");
    assertThat(source)
        .contains(".data(TextSource.file(\"data/tickets.json\").fields(\"body\", \"queue\"))");
    assertThat(source).contains(".testFraction(0.25)\n        .classification(");
    assertThat(source)
        .contains(".vectorize(Vectorization.intSequences(20000).sequenceLength(200))\n");
    assertThat(source)
        .contains(
            "// inputs is 200: a text's word indices, padded or truncated"
                + " (outputSequenceLength)");
    assertThat(source).contains(".name(\"hidden\")\n            .nOut(8)");
  }

  @Test
  void textFileWithTheDefaultFieldsLeavesThemOutAndIsCrossValidated() throws IOException {
    Compilation compilation =
        compile(
            model(
                "Reviews",
                """
                @Model
                @TextData(file = "reviews.csv", split = @Split(validation = 0))
                @TextVectorization
                @Train(epochs = 5, loss = BINARY_CROSSENTROPY)
                @KFold(k = 5, iterations = 2)
                @Threshold(metric = F1, min = 0.8, on = KFOLD_WORST)
                class Reviews {
                  @Dense(units = 1, activation = SIGMOID) Layer positive;
                }
                """));

    assertThat(compilation).succeededWithoutWarnings();
    String source = generatedSource(compilation, "com.example.DeepBuild_Reviews");
    assertThat(source).contains(".data(TextSource.file(\"reviews.csv\"))\n");
    assertThat(source).contains(".testFraction(0.2)\n        .classification(");
    assertThat(source).contains(".kFold(KFoldSpec.folds(5).iterations(2))\n");
    assertThat(source)
        .contains(".threshold(ThresholdSpec.min(Metric.F1, 0.8).on(DataSplit.KFOLD_WORST))\n");
  }
}
