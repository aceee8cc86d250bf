package dev.deepbuild.processor;

import static com.google.common.truth.Truth.assertThat;
import static dev.deepbuild.processor.TestSources.compile;
import static dev.deepbuild.processor.TestSources.model;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.CompilationSubject;
import dev.deepbuild.annotations.DataSplit;
import dev.deepbuild.annotations.Metric;
import dev.deepbuild.build.result.ModelOutcome;
import dev.deepbuild.build.result.SessionResult;
import dev.deepbuild.runtime.model.ModelDefinition;
import dev.deepbuild.runtime.session.TrainingSession;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The code generated for a model on a pretrained base, and a build of both models. */
class GeneratedTransferTest {

  private static Compilation compileBoth(String... replacements) {
    String transfer = TestSources.replace(PretrainedValidationTest.TRANSFER,
        "@CsvData(resource = \"high.dat\"", "@CsvData(file = \"high.csv\"");
    return compile(model("HighDigits", TestSources.replace(transfer, replacements)),
        model("DigitsBase", TestSources.replace(PretrainedValidationTest.BASE,
            "@CsvData(resource = \"low.dat\"", "@CsvData(file = \"low.csv\"")));
  }

  private static String generated(Compilation compilation) throws java.io.IOException {
    CompilationSubject.assertThat(compilation).succeededWithoutWarnings();
    return compilation.generatedSourceFile("com.example.DeepBuild_HighDigits").orElseThrow()
        .getCharContent(false).toString();
  }

  @Test
  void theHeadTakesTheBasesOutputAndTheNetworkIsOnTheBase() throws Exception {
    String source = generated(compileBoth());
    assertThat(source).contains("// the head, on 'base': model 'digits', frozen, which gives"
        + " (None, 8)\n        .setInputType(InputType.feedForward(8))");
    assertThat(source).contains(
        "return NetworkConfiguration.on(PretrainedBase.model(\"digits\"), conf);");
    // The session trains the base first, reading this without building the network.
    assertThat(source).contains("public Optional<String> baseModel() {\n"
        + "    return Optional.of(\"digits\");\n");
  }

  @Test
  void fineTuningNamesItsLayersAndRate() throws Exception {
    String source = generated(compileBoth("model = DigitsBase.class",
        "model = DigitsBase.class, upTo = \"h2\", trainable = 1, fineTuneLearningRate = 1e-4"));
    assertThat(source).contains("return NetworkConfiguration.on(PretrainedBase.model(\"digits\")"
        + ".upTo(\"h2\"), conf)\n"
        + "        // the base's top 1 layer trains with the head\n"
        + "        .trainable(1)\n"
        + "        .fineTuneLearningRate(1e-4);");
  }

  @Test
  void aKerasBaseCarriesTheShapeItIsDeclaredToGive() throws Exception {
    String source = generated(compileBoth("model = DigitsBase.class",
        "keras = \"models/base.h5\", upTo = \"features\", outputShape = 8"));
    assertThat(source).contains("// the head, on 'base': Keras file 'models/base.h5' up to"
        + " 'features', frozen, which gives (None, 8)");
    assertThat(source).contains("return NetworkConfiguration.on(PretrainedBase.keras("
        + "\"models/base.h5\").upTo(\"features\").outputShape(8), conf);");
  }

  @Test
  void aKerasImageBaseIsDeclaredChannelsLastAndItsHeadIsBuiltOnTheFeatureMap() throws Exception {
    // Keras's {height, width, channels}, as the runtime compares it with the NCHW import.
    String source = generated(compileBoth("model = DigitsBase.class",
        "keras = \"models/conv_base.h5\", outputShape = {4, 4, 512}",
        "@Dense(units = 5", "@GlobalAveragePooling2D Layer pool;\n  @Dense(units = 5"));
    assertThat(source).contains("// the head, on 'base': Keras file 'models/conv_base.h5', frozen,"
        + " which gives (None, 4, 4, 512)\n        .setInputType(InputType.convolutional(4, 4,"
        + " 512))");
    assertThat(source).contains("return NetworkConfiguration.on(PretrainedBase.keras("
        + "\"models/conv_base.h5\").outputShape(4, 4, 512), conf);");
  }

  @Test
  void aBuildTrainsTheBaseFirstThenTheModelOnIt(@TempDir Path project) throws Exception {
    writeData(project);
    Compilation compilation = compileBoth("model = DigitsBase.class",
        "model = DigitsBase.class, trainable = 1, fineTuneLearningRate = 1e-3");
    ModelDefinition transfer =
        GeneratedModelTest.load(compilation, "com.example.DeepBuild_HighDigits");
    ModelDefinition base = GeneratedModelTest.load(compilation, "com.example.DeepBuild_DigitsBase");
    TrainingSession session = new TrainingSession(project, project.resolve("target/deepbuild"),
        getClass().getClassLoader(), line -> {});

    SessionResult result = session.train(
        dev.deepbuild.runtime.model.ModelSelection.select(
            new java.util.TreeMap<>(java.util.Map.of("high", transfer, "digits", base)),
            List.of()), false);

    List<ModelOutcome> outcomes = result.models();
    assertThat(outcomes.stream().map(ModelOutcome::model).toList())
        .containsExactly("digits", "high").inOrder();
    assertThat(outcomes.get(1).failed()).isFalse();
    assertThat(outcomes.get(1).report().metrics().get(DataSplit.TEST).get(Metric.ACCURACY))
        .isGreaterThan(0.5);
    assertThat(Files.isRegularFile(project.resolve("target/deepbuild/high/model.zip"))).isTrue();
  }

  /** Gaussian blobs of 10 classes on 4 features: 0-4 for the base, 5-9 for the model on it. */
  private static void writeData(Path project) throws Exception {
    Random random = new Random(5);
    StringBuilder low = new StringBuilder();
    StringBuilder high = new StringBuilder();
    for (int i = 0; i < 40; i++) {
      for (int k = 0; k < 10; k++) {
        StringBuilder row = k < 5 ? low : high;
        for (int f = 0; f < 4; f++) {
          double center = f == k % 4 ? 4 * (k / 4 + 1) : 0;
          row.append(String.format(Locale.ROOT, "%.5f,", center + random.nextGaussian()));
        }
        row.append(k % 5).append('\n');
      }
    }
    Files.writeString(project.resolve("low.csv"), low);
    Files.writeString(project.resolve("high.csv"), high);
  }
}
