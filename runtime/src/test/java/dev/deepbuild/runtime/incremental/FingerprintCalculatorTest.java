package dev.deepbuild.runtime.incremental;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.deepbuild.annotations.BuiltinDataset;
import dev.deepbuild.annotations.DataSplit;
import dev.deepbuild.annotations.FinalEpochs;
import dev.deepbuild.annotations.Flip;
import dev.deepbuild.annotations.Metric;
import dev.deepbuild.build.gate.ThresholdSpec;
import dev.deepbuild.runtime.data.BuiltinSource;
import dev.deepbuild.runtime.data.CsvSource;
import dev.deepbuild.runtime.model.AugmentationSpec;
import dev.deepbuild.runtime.model.EarlyStoppingSpec;
import dev.deepbuild.runtime.model.KFoldSpec;
import dev.deepbuild.runtime.model.ModelDefinition;
import dev.deepbuild.runtime.model.ModelSpec;
import dev.deepbuild.runtime.model.RescalingSpec;
import dev.deepbuild.runtime.model.ResizingSpec;
import dev.deepbuild.runtime.model.ScheduleSpec;
import dev.deepbuild.runtime.model.Vectorization;
import java.io.IOException;
import java.lang.reflect.RecordComponent;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FingerprintCalculatorTest {
  private static final RuntimeVersions VERSIONS = new RuntimeVersions("1.2.3", "1.0.0-M2.1", "1.0.0-M2.1",
      "sha256:code");

  @TempDir Path project;
  private FingerprintCalculator calculator;
  private Fingerprint base;

  @BeforeEach
  void baseModel() throws IOException {
    Files.writeString(project.resolve("data.csv"), "0.1,0.2,0\n0.9,0.8,1\n");
    calculator = new FingerprintCalculator(project, project.resolve("out"),
        getClass().getClassLoader(), VERSIONS);
    base = fingerprint(TestModels.spec().build());
  }

  private Fingerprint fingerprint(ModelSpec spec) throws IOException {
    return calculator.of(TestModels.model(spec));
  }

  private List<String> changesTo(ModelSpec spec) throws IOException {
    return Changes.between(base, fingerprint(spec), spec.data());
  }

  @Test
  void namesEverySpecOptionThatShapesTheModelButNotItsNameOrThresholds() throws Exception {
    ModelSpec spec = TestModels.spec().threshold(ThresholdSpec.min(Metric.ACCURACY, 0.9)).build();
    Set<String> names = fingerprint(spec).components().keySet();

    for (RecordComponent component : ModelSpec.class.getRecordComponents()) {
      boolean set = component.getAccessor().invoke(spec) != null;
      boolean shaping = !Set.of("name", "declaringClass", "thresholds").contains(component.getName());
      assertEquals(set && shaping, names.contains(component.getName()), component.getName());
    }
    assertTrue(names.containsAll(Set.of("network", "data", "data.digest", "seed", "epochs", "batchSize",
        "deepbuild.version", "deepbuild.code", "dl4j.version", "nd4j.version")), names.toString());
    assertEquals("1.2.3", fingerprint(spec).components().get("deepbuild.version"));
    assertEquals("42", fingerprint(spec).components().get("seed"));
  }

  @Test
  void thresholdsAndTheDeclaringClassDoNotChangeIt() throws IOException {
    ModelSpec gated = TestModels.spec().declaredBy("com.example.Renamed")
        .threshold(ThresholdSpec.min(Metric.ACCURACY, 0.99))
        .threshold(ThresholdSpec.max(Metric.LOSS, 0.1).on(DataSplit.VALIDATION)).build();
    assertEquals(base, fingerprint(gated));
    assertEquals(List.of(), changesTo(gated));
  }

  @Test
  void isTheSameForEqualSpecsWithEveryOptionSet() throws IOException {
    // Every value must print the same for equal specs (no identity hash codes), or no model is ever
    // up to date.
    assertEquals(fingerprint(everyOption().build()), fingerprint(everyOption().build()));
    assertEquals(base, fingerprint(TestModels.spec().build()));
  }

  @Test
  void earlyStoppingAndSchedulesAreOptionsLikeTheOthers() throws IOException {
    assertEquals(List.of("earlyStopping was added", "schedule was added"), changesTo(TestModels.spec()
        .earlyStopping(EarlyStoppingSpec.on(Metric.LOSS).patience(3).minDelta(0.001))
        .learningRateSchedule(ScheduleSpec.step(10).minLearningRate(1e-5)).build()));
  }

  @Test
  void rescalingAndAugmentationAreOptionsLikeTheOthers() throws IOException {
    assertEquals(List.of("augmentation was added", "rescaling changed (RescalingSpec[scale=1.0,"
        + " offset=0.0] -> RescalingSpec[scale=0.5, offset=0.0])"), changesTo(TestModels.spec()
            .rescaling(RescalingSpec.scale(0.5))
            .augmentation(AugmentationSpec.none().flip(Flip.HORIZONTAL)).build()));
  }

  @Test
  void aResizingIsAnOptionWhoseSizeCounts() throws IOException {
    assertEquals(List.of("resizing was added"),
        changesTo(TestModels.spec().resizing(ResizingSpec.to(96, 96)).build()));
    Fingerprint square = fingerprint(TestModels.spec().resizing(ResizingSpec.to(96, 96)).build());
    Fingerprint wider = fingerprint(TestModels.spec().resizing(ResizingSpec.to(96, 128)).build());
    assertEquals(List.of("resizing changed (ResizingSpec[height=96, width=96] ->"
        + " ResizingSpec[height=96, width=128])"), Changes.between(square, wider,
            TestModels.spec().build().data()));
  }

  private static ModelSpec.Builder everyOption() {
    return TestModels.spec().standardize().kFold(KFoldSpec.folds(4).iterations(2))
        .vectorize(Vectorization.intSequences(100).sequenceLength(20))
        .earlyStopping(EarlyStoppingSpec.on(Metric.ACCURACY).patience(5).minDelta(0.01).restoreBestWeights(false))
        .learningRateSchedule(ScheduleSpec.onPlateau(Metric.LOSS, 3).factor(0.2).minLearningRate(1e-4));
  }

  @Test
  void aDatasetsSubsetIsPartOfIt() throws IOException {
    BuiltinSource digits = BuiltinSource.of(BuiltinDataset.MNIST).classes(5, 6, 7, 8, 9);
    Fingerprint all = fingerprint(TestModels.spec().data(digits).build());
    assertEquals(all, fingerprint(TestModels.spec().data(digits).build()));
    assertNotEquals(all, fingerprint(TestModels.spec().data(digits.trainingSamples(500)).build()));
    assertNotEquals(all, fingerprint(TestModels.spec()
        .data(BuiltinSource.of(BuiltinDataset.MNIST).classes(0, 1, 2, 3, 4)).build()));
    assertNotEquals(all, fingerprint(TestModels.spec()
        .data(BuiltinSource.of(BuiltinDataset.MNIST).classes(9, 8, 7, 6, 5)).build()));
  }

  @Test
  void aChangedSeedIsTheSeedOnlyThoughTheNetworkCarriesIt() throws IOException {
    assertEquals(List.of("the seed changed (42 -> 7)"), changesTo(TestModels.spec().seed(7).build()));
  }

  @Test
  void eachTrainingOptionIsItsOwnComponent() throws IOException {
    assertEquals(List.of("epochs changed (3 -> 5)"), changesTo(TestModels.spec().epochs(5).build()));
    assertEquals(List.of("batchSize changed (16 -> 8)"), changesTo(TestModels.spec().batchSize(8).build()));
    assertEquals(List.of("testFraction changed (0.2 -> 0.25)", "validationFraction changed (0.2 -> 0.1)"),
        changesTo(TestModels.spec().split(0.25, 0.1).build()));
    assertEquals(List.of("classes changed (0 -> 2)"), changesTo(TestModels.spec().classification(2).build()));
    assertEquals(List.of("standardize changed (false -> true)"),
        changesTo(TestModels.spec().standardize().build()));
  }

  @Test
  void theFinalEpochsOfKFoldAreAChange() throws IOException {
    ModelSpec declared = TestModels.spec().kFold(KFoldSpec.folds(4)).build();
    ModelSpec bestMean = TestModels.spec().kFold(KFoldSpec.folds(4).finalEpochs(FinalEpochs.BEST_MEAN)).build();
    assertEquals(List.of("kFold changed (KFoldSpec[k=4, iterations=1, finalEpochs=DECLARED] ->"
            + " KFoldSpec[k=4, iterations=1, finalEpochs=BEST_MEAN])"),
        Changes.between(fingerprint(declared), fingerprint(bestMean), declared.data()));
  }

  @Test
  void anAddedOrRemovedOptionIsAChange() throws IOException {
    assertEquals(List.of("kFold was added"), changesTo(TestModels.spec().kFold(KFoldSpec.folds(4)).build()));

    ModelSpec vectorized = TestModels.spec().vectorize(Vectorization.multiHot(100)).build();
    assertEquals(List.of("the tokenizer was added", "vectorization was added"), changesTo(vectorized));
    assertEquals(List.of("the tokenizer was removed", "vectorization was removed"),
        Changes.between(fingerprint(vectorized), base, vectorized.data()));
  }

  @Test
  void aChangedNetworkIsNamedWithoutItsDigest() throws IOException {
    ModelSpec spec = TestModels.spec().build();
    Fingerprint wider = calculator.of(TestModels.model(spec, inputs -> TestModels.network(42, inputs, 16)));
    assertEquals(List.of("the network changed"), Changes.between(base, wider, spec.data()));
  }

  @Test
  void inferredInputCountsDigestAsTheStatedOnes() throws IOException {
    ModelSpec spec = TestModels.spec().build();
    Fingerprint stated =
        calculator.of(TestModels.model(spec, inputs -> TestModels.statedInputsNetwork(42, inputs, 8)));
    assertEquals(base, stated);
  }

  @Test
  void aNetworkSeedOtherThanTheSpecsIsPartOfTheSeed() throws IOException {
    ModelSpec spec = TestModels.spec().build();
    Fingerprint other = calculator.of(TestModels.model(spec, inputs -> TestModels.network(1, inputs, 8)));
    assertEquals("42 (network 1)", other.components().get("seed"));
    assertEquals(base.components().get("network"), other.components().get("network"));
  }

  @Test
  void digestingTheNetworkLeavesTheModelsConfigurationAsItWas() throws IOException {
    MultiLayerConfiguration shared = TestModels.network(42, 2, 8);
    ModelDefinition model = TestModels.model(TestModels.spec().build(), inputs -> shared);
    calculator.of(model);
    assertEquals(42, shared.getConf(0).getSeed());
  }

  @Test
  void changedDataBytesAreNamedByLocation() throws IOException {
    Files.writeString(project.resolve("data.csv"), "0.1,0.2,0\n0.9,0.8,1\n0.5,0.5,1\n");
    assertEquals(List.of("the data changed (data.csv)"), changesTo(TestModels.spec().build()));
  }

  @Test
  void anotherLabelColumnIsAChangedDataSource() throws IOException {
    List<String> changes = changesTo(TestModels.spec().data(CsvSource.file("data.csv").labelIndex(0)).build());
    assertEquals(1, changes.size(), changes.toString());
    assertTrue(changes.get(0).startsWith("the data source changed (CsvSource[location=data.csv, "), changes.get(0));
    assertTrue(changes.get(0).contains("labelIndex=2") && changes.get(0).contains("labelIndex=0"), changes.get(0));
  }

  @Test
  void aChangedVersionIsNamed() throws IOException {
    Fingerprint upgraded = new FingerprintCalculator(project, project.resolve("out"),
        getClass().getClassLoader(),
        new RuntimeVersions("1.3.0", "1.0.0-M3", "1.0.0-M3", "sha256:code")).of(TestModels.model(TestModels.spec().build()));
    assertEquals(List.of("the DeepBuild version changed (1.2.3 -> 1.3.0)",
            "the DL4J version changed (1.0.0-M2.1 -> 1.0.0-M3)", "the ND4J version changed (1.0.0-M2.1 -> 1.0.0-M3)"),
        Changes.between(base, upgraded, TestModels.spec().build().data()));
  }

  @Test
  void changedRuntimeCodeOfTheSameVersionIsNamed() throws IOException {
    // A SNAPSHOT rebuilt with other split or training code keeps its version.
    Fingerprint rebuilt = new FingerprintCalculator(project, project.resolve("out"),
        getClass().getClassLoader(),
        new RuntimeVersions("1.2.3", "1.0.0-M2.1", "1.0.0-M2.1", "sha256:other"))
        .of(TestModels.model(TestModels.spec().build()));
    assertEquals(List.of("the DeepBuild runtime's code changed"),
        Changes.between(base, rebuilt, TestModels.spec().build().data()));
  }

  @Test
  void missingDataCannotBeFingerprinted() throws IOException {
    Files.delete(project.resolve("data.csv"));
    assertThrows(NoSuchFileException.class, () -> fingerprint(TestModels.spec().build()));
  }

  @Test
  void theRuntimesOwnVersionsAreFound() {
    RuntimeVersions versions = RuntimeVersions.current();
    // target/classes holds the filtered version.properties; the DL4J jars their pom.properties.
    assertFalse(versions.deepbuild().equals(RuntimeVersions.UNKNOWN) || versions.deepbuild().contains("$"),
        versions.deepbuild());
    assertEquals("1.0.0-M2.1", versions.dl4j());
    assertEquals("1.0.0-M2.1", versions.nd4j());
    assertNotEquals(versions.deepbuild(), versions.dl4j());
  }
}
