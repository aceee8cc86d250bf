package dev.deepbuild.runtime.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.deepbuild.annotations.DataSplit;
import dev.deepbuild.annotations.Metric;
import dev.deepbuild.build.gate.ThresholdSpec;
import dev.deepbuild.build.result.ModelOutcome;
import dev.deepbuild.build.result.ModelReport;
import dev.deepbuild.runtime.InvalidInputException;
import dev.deepbuild.runtime.data.CsvSource;
import dev.deepbuild.runtime.data.MultiDataProvider;
import dev.deepbuild.runtime.data.ProvidedSource;
import dev.deepbuild.runtime.examples.ExamplesReader;
import dev.deepbuild.runtime.incremental.Decision;
import dev.deepbuild.runtime.incremental.IncrementalTraining;
import dev.deepbuild.runtime.inspect.EvaluationSession;
import dev.deepbuild.runtime.io.ModelArchive;
import dev.deepbuild.runtime.model.Definitions;
import dev.deepbuild.runtime.model.InputSpec;
import dev.deepbuild.runtime.model.KFoldSpec;
import dev.deepbuild.runtime.model.ModelDefinition;
import dev.deepbuild.runtime.model.ModelSpec;
import dev.deepbuild.runtime.model.OutputSpec;
import dev.deepbuild.runtime.network.NetworkConfiguration;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.graph.MergeVertex;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.weights.WeightInit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.MultiDataSet;
import org.nd4j.linalg.dataset.api.preprocessor.MultiNormalizerStandardize;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.lossfunctions.LossFunctions.LossFunction;

/**
 * Functional models trained end to end through {@link ModelTrainer} on data of several inputs and
 * outputs: a CSV table's column groups, and a provider of the user's own code. The species is
 * learnable from the {@code shape} input only, the size from the {@code scale} input only, on
 * features of very different scales, so both outputs do well only if each input reaches its place,
 * standardized with its own training statistics.
 */
class FunctionalDataTrainingTest {
  private static final int ROWS = 300;

  @TempDir Path base;
  private final List<String> log = new ArrayList<>();

  @Test
  void aTwoInputTwoOutputTableTrainsEndToEndWithEachInputStandardizedOnTrainingRows()
      throws IOException {
    table(base.resolve("flowers.csv"));
    ModelDefinition model = Definitions.configured(csvSpec(7).build(), inputs -> graph(7));

    ModelReport report = trainer().train(model);

    assertTrue(report.metric("species", DataSplit.TEST, Metric.ACCURACY).orElseThrow() > 0.9,
        report.outputs().toString());
    assertTrue(report.metric("size", DataSplit.TEST, Metric.MAE).orElseThrow() < 1.5,
        report.outputs().toString());
    assertTrue(report.metric("size", DataSplit.VALIDATION, Metric.R2).isPresent());
    assertEquals(List.of("species", "size"), List.copyOf(report.outputs().keySet()));
    // Each input has its own means, those of the training rows only.
    MultiNormalizerStandardize normalizer = assertInstanceOf(MultiNormalizerStandardize.class,
        ModelArchive.normalizer(base.resolve("out/flowers/model.zip")).orElseThrow().normalizer());
    int[] training = ModelInputs.prepare(model, reader()).split().train();
    double[][] rows = rows(base.resolve("flowers.csv"));
    assertEquals(mean(rows, training, 0), normalizer.getFeatureMean(0).getDouble(0), 1e-3);
    assertEquals(mean(rows, training, 1), normalizer.getFeatureMean(0).getDouble(1), 1e-3);
    assertEquals(mean(rows, training, 3), normalizer.getFeatureMean(1).getDouble(0), 1e-2);
    assertTrue(Math.abs(mean(rows, training, 3) - mean(rows, allRows(), 3)) > 1e-6,
        "the training rows' mean differs from all rows'");
  }

  @Test
  void theSameSeedTrainsTheSameMetricsAndAnotherSeedOthers() throws IOException {
    table(base.resolve("flowers.csv"));
    ModelSpec spec = csvSpec(7).epochs(3).build();

    ModelReport first = trainer().train(Definitions.configured(spec, inputs -> graph(7)));
    ModelReport again = trainer().train(Definitions.configured(spec, inputs -> graph(7)));
    ModelReport other = trainer().train(
        Definitions.configured(csvSpec(8).epochs(3).build(), inputs -> graph(8)));

    assertEquals(first.outputs(), again.outputs());
    assertEquals(first.history(), again.history());
    assertTrue(!first.outputs().equals(other.outputs()), "another seed, other metrics");
  }

  @Test
  void aFunctionalModelCrossValidatesOnItsLossWithEveryOutputsLabels() throws IOException {
    table(base.resolve("flowers.csv"));
    ModelSpec spec = csvSpec(7).split(0.2, 0).epochs(4).kFold(KFoldSpec.folds(3)).build();

    ModelReport report = trainer().train(Definitions.configured(spec, inputs -> graph(7)));

    assertEquals(3, report.kFold().folds().size());
    assertEquals(Metric.LOSS, report.kFold().monitored());
    assertTrue(report.metric(DataSplit.KFOLD_MEAN, Metric.LOSS).isPresent());
    assertEquals(List.of("species", "size"), List.copyOf(report.outputs().keySet()));
    assertTrue(log.stream().anyMatch(line -> line.startsWith("flowers: fold 3/3 - epoch 4 -"
        + " val_loss: ")), log.toString());
  }

  @Test
  void dlEvaluateMeasuresEachOutputOfTheSavedModelOnItsTestSplitAsTrainingDid() throws IOException {
    table(base.resolve("flowers.csv"));
    ModelDefinition model = Definitions.configured(csvSpec(7).epochs(5).build(), inputs -> graph(7));
    Decision.Train decision = (Decision.Train) new IncrementalTraining(base, base.resolve("out"),
        getClass().getClassLoader()).decide(model, true);
    ModelReport trained = trainer().train(model, decision.provenance());

    ModelOutcome evaluated = new EvaluationSession(base, base.resolve("out"), null,
        getClass().getClassLoader(), log::add)
        .run(List.of(model), spec -> List.of(ThresholdSpec.min(Metric.ACCURACY, 0.5)
            .onOutput("species"))).models().get(0);

    assertNull(evaluated.error());
    for (String output : List.of("species", "size")) {
      assertEquals(trained.outputs().get(output).get(DataSplit.TEST),
          evaluated.report().outputs().get(output).get(DataSplit.TEST), output);
    }
    assertEquals(trained.metrics().get(DataSplit.TEST), evaluated.report().metrics().get(DataSplit.TEST));
    assertTrue(evaluated.checks().get(0).message().startsWith("flowers: species test accuracy is"),
        evaluated.checks().get(0).message());
    // Another table of the same columns: every row of it, each output by its header name.
    Path other = base.resolve("other.csv");
    List<String> lines = Files.readAllLines(base.resolve("flowers.csv"));
    Files.write(other, lines.subList(0, 61));
    ModelOutcome onOther = new EvaluationSession(base, base.resolve("out"), other,
        getClass().getClassLoader(), log::add).run(List.of(model), spec -> List.of()).models()
        .get(0);
    assertNull(onOther.error());
    assertTrue(onOther.report().metric("species", DataSplit.TEST, Metric.ACCURACY).orElseThrow()
        > 0.8, onOther.report().outputs().toString());
    assertTrue(onOther.report().metric("size", DataSplit.TEST, Metric.MAE).isPresent());
    assertTrue(log.stream().anyMatch(line -> line.contains("on all 60 rows of file " + other)),
        String.join("\n", log));
  }

  @Test
  void aColumnTheHeaderLacksNamesTheFileTheColumnAndTheNearestName() throws IOException {
    table(base.resolve("flowers.csv"));
    ModelSpec spec = ModelSpec.builder("flowers").seed(7)
        .data(CsvSource.file("flowers.csv").withHeader())
        .input(InputSpec.named("shape").columns("petal_length", "petal_widht"))
        .input(InputSpec.named("scale").columns("stem"))
        .output(OutputSpec.named("species").classification(0))
        .output(OutputSpec.named("size").regression())
        .epochs(1).batchSize(32).build();

    InvalidInputException error = assertThrows(InvalidInputException.class,
        () -> trainer().train(Definitions.configured(spec, inputs -> graph(7))));

    assertEquals("flowers: the input shape reads the column \"petal_widht\", which file"
        + " flowers.csv does not have; its columns are petal_length, petal_width, noise, stem,"
        + " species, size. Did you mean petal_width? Name one of its columns.", error.getMessage());
  }

  @Test
  void anOutputLayerTooSmallForItsColumnsClassesNamesTheOutputsSetting() throws IOException {
    table(base.resolve("flowers.csv"));
    NetworkConfiguration twoSpecies = NetworkConfiguration.of(new NeuralNetConfiguration.Builder()
        .graphBuilder()
        .addInputs("shape", "scale")
        .setInputTypes(InputType.feedForward(2), InputType.feedForward(1))
        .addVertex("merged", new MergeVertex(), "shape", "scale")
        .addLayer("species", new OutputLayer.Builder(LossFunction.MCXENT).nOut(2)
            .activation(Activation.SOFTMAX).build(), "merged")
        .addLayer("size", new OutputLayer.Builder(LossFunction.MSE).nOut(1)
            .activation(Activation.IDENTITY).build(), "merged")
        .setOutputs("species", "size")
        .build());

    InvalidInputException error = assertThrows(InvalidInputException.class, () -> trainer()
        .train(Definitions.configured(csvSpec(7).build(), inputs -> twoSpecies)));

    assertEquals("flowers output species: the data has 3 classes (setosa, versicolor, virginica)"
        + " but the output layer has 2 units; set units = 3 on the last layer or check that"
        + " @Output(field = ...) points at the column that holds the classes.",
        error.getMessage());
  }

  @Test
  void aProvidersSamplesAreShuffledSplitAndTrainedAsATablesAre() {
    ModelSpec spec = providedSpec(Flowers.class).build();
    ModelDefinition model = Definitions.configured(spec, inputs -> graph(7));

    ModelReport report = trainer().train(model);

    assertTrue(report.metric("species", DataSplit.TEST, Metric.ACCURACY).orElseThrow() > 0.9,
        report.outputs().toString());
    assertTrue(report.metric("size", DataSplit.TEST, Metric.MAE).orElseThrow() < 1.5,
        report.outputs().toString());
    // Shuffled and stratified by the species: the test rows are not the last ones, and each class
    // has its share.
    ModelInputs inputs = ModelInputs.prepare(model, reader());
    int[] test = inputs.split().test();
    assertEquals(60, test.length);
    assertTrue(java.util.Arrays.stream(test).anyMatch(row -> row < ROWS - 60));
    int[] perClass = new int[3];
    java.util.Arrays.stream(test).forEach(row -> perClass[inputs.labels().strata()[row]]++);
    assertEquals(List.of(20, 20, 20), List.of(perClass[0], perClass[1], perClass[2]));
    // The same seed picks the same rows again.
    assertEquals(java.util.Arrays.toString(test),
        java.util.Arrays.toString(ModelInputs.prepare(model, reader()).split().test()));
  }

  @Test
  void aProvidersArrayOfTheWrongWidthIsAnErrorNamingTheInput() {
    ModelSpec spec = providedSpec(NarrowFlowers.class).build();

    InvalidInputException error = assertThrows(InvalidInputException.class,
        () -> trainer().train(Definitions.configured(spec, inputs -> graph(7))));

    assertEquals("flowers: the input shape takes 2 features, but its data has 1 columns; give the"
        + " array of input 1 2 columns, or change the model's input to fit the data.",
        error.getMessage());
  }

  @Test
  void aProviderWithoutAPublicConstructorIsAnErrorNamingIt() {
    ModelSpec spec = providedSpec(Hidden.class).build();

    InvalidInputException error = assertThrows(InvalidInputException.class,
        () -> trainer().train(Definitions.configured(spec, inputs -> graph(7))));

    assertTrue(error.getMessage().startsWith("flowers: cannot create data provider "
        + Hidden.class.getName()), error.getMessage());
    assertTrue(error.getMessage().endsWith("Give it a public constructor without arguments."),
        error.getMessage());
  }

  /** The flowers as arrays: the same samples as {@link #table}. */
  public static final class Flowers implements MultiDataProvider {
    @Override
    public org.nd4j.linalg.dataset.api.MultiDataSet samples() {
      double[][] rows = generate();
      INDArray shape = Nd4j.create(ROWS, 2);
      INDArray scale = Nd4j.create(ROWS, 1);
      INDArray species = Nd4j.create(ROWS, 3);
      INDArray size = Nd4j.create(ROWS, 1);
      for (int r = 0; r < ROWS; r++) {
        shape.putScalar(r, 0, rows[r][0]);
        shape.putScalar(r, 1, rows[r][1]);
        scale.putScalar(r, 0, rows[r][3]);
        species.putScalar(r, (int) rows[r][4], 1);
        size.putScalar(r, 0, rows[r][5]);
      }
      return new MultiDataSet(new INDArray[] {shape, scale}, new INDArray[] {species, size});
    }
  }

  /** Gives the shape input one column where the network takes two. */
  public static final class NarrowFlowers implements MultiDataProvider {
    @Override
    public org.nd4j.linalg.dataset.api.MultiDataSet samples() {
      org.nd4j.linalg.dataset.api.MultiDataSet all = new Flowers().samples();
      return new MultiDataSet(new INDArray[] {all.getFeatures(0).getColumns(0),
          all.getFeatures(1)}, all.getLabels());
    }
  }

  public static final class Hidden implements MultiDataProvider {
    private Hidden() {}

    @Override
    public org.nd4j.linalg.dataset.api.MultiDataSet samples() {
      return new Flowers().samples();
    }
  }

  static ModelSpec.Builder csvSpec(long seed) {
    return ModelSpec.builder("flowers").seed(seed)
        .data(CsvSource.file("flowers.csv").withHeader())
        .split(0.2, 0.2)
        .input(InputSpec.named("shape").columns("petal_length", "petal_width"))
        .input(InputSpec.named("scale").columns("stem"))
        .output(OutputSpec.named("species").classification(0))
        .output(OutputSpec.named("size").regression())
        .standardize()
        .epochs(40).batchSize(32);
  }

  private ModelSpec.Builder providedSpec(Class<? extends MultiDataProvider> provider) {
    return ModelSpec.builder("flowers").seed(7)
        .data(ProvidedSource.of(provider))
        .split(0.2, 0.2)
        .input(InputSpec.named("shape"))
        .input(InputSpec.named("scale"))
        .output(OutputSpec.named("species").classification(3))
        .output(OutputSpec.named("size").regression())
        .standardize()
        .epochs(40).batchSize(32);
  }

  /**
   * {@code shape} (2 features) and {@code scale} (1) each into a dense branch, merged, into a
   * 3-way species and a regressed size, as generated code declares them.
   */
  static NetworkConfiguration graph(long seed) {
    ComputationGraphConfiguration conf = new NeuralNetConfiguration.Builder().seed(seed).weightInit(WeightInit.XAVIER)
        .updater(new Adam(0.02)).graphBuilder()
        .addInputs("shape", "scale")
        .setInputTypes(InputType.feedForward(2), InputType.feedForward(1))
        .addLayer("fromShape", new DenseLayer.Builder().nOut(16).activation(Activation.RELU).build(), "shape")
        .addLayer("fromScale", new DenseLayer.Builder().nOut(16).activation(Activation.RELU).build(), "scale")
        .addVertex("merged", new MergeVertex(), "fromShape", "fromScale")
        .addLayer("species", new OutputLayer.Builder(LossFunction.MCXENT).nOut(3)
            .activation(Activation.SOFTMAX).build(), "merged")
        .addLayer("size", new OutputLayer.Builder(LossFunction.MSE).nOut(1)
            .activation(Activation.IDENTITY).build(), "merged")
        .setOutputs("species", "size")
        .build();
    return NetworkConfiguration.of(conf);
  }

  private ModelTrainer trainer() {
    return new ModelTrainer(base, base.resolve("out"), getClass().getClassLoader(), log::add);
  }

  private ExamplesReader reader() {
    return new ExamplesReader(base, getClass().getClassLoader(), log::add);
  }

  /**
   * Per row: petal length and width around the species' center (units of 1), an unused noise
   * column, the stem length in thousands (100 to 1100), the species' index and the size, which is
   * the stem's length in hundreds plus noise of 0.2.
   */
  private static double[][] generate() {
    Random random = new Random(3);
    double[][] rows = new double[ROWS][];
    for (int r = 0; r < ROWS; r++) {
      int species = r % 3;
      double stem = 100 + 1000 * random.nextDouble();
      rows[r] = new double[] {3 * species + random.nextGaussian() * 0.5,
          -2 * species + random.nextGaussian() * 0.5, random.nextGaussian(), stem, species,
          stem / 100 + random.nextGaussian() * 0.2};
    }
    return rows;
  }

  static void table(Path file) throws IOException {
    String[] names = {"setosa", "versicolor", "virginica"};
    StringBuilder csv = new StringBuilder("petal_length,petal_width,noise,stem,species,size\n");
    for (double[] row : generate()) {
      csv.append(String.format(Locale.ROOT, "%.6f,%.6f,%.6f,%.6f,%s,%.6f%n", row[0], row[1],
          row[2], row[3], names[(int) row[4]], row[5]));
    }
    Files.writeString(file, csv);
  }

  /** The table's numbers as written (species as its index). */
  private static double[][] rows(Path file) throws IOException {
    List<String> lines = Files.readAllLines(file);
    double[][] rows = new double[lines.size() - 1][];
    for (int r = 1; r < lines.size(); r++) {
      String[] cells = lines.get(r).split(",");
      rows[r - 1] = new double[] {Double.parseDouble(cells[0]), Double.parseDouble(cells[1]),
          Double.parseDouble(cells[2]), Double.parseDouble(cells[3]), 0,
          Double.parseDouble(cells[5])};
    }
    return rows;
  }

  private static double mean(double[][] rows, int[] which, int column) {
    return java.util.Arrays.stream(which).mapToDouble(row -> rows[row][column]).average()
        .orElseThrow();
  }

  private static int[] allRows() {
    return java.util.stream.IntStream.range(0, ROWS).toArray();
  }
}
