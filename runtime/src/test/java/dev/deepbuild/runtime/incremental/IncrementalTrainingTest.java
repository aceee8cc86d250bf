package dev.deepbuild.runtime.incremental;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.deepbuild.annotations.DataSplit;
import dev.deepbuild.annotations.Metric;
import dev.deepbuild.annotations.Task;
import dev.deepbuild.build.gate.ThresholdSpec;
import dev.deepbuild.build.io.ReportJson;
import dev.deepbuild.build.result.EpochRecord;
import dev.deepbuild.build.result.ModelReport;
import dev.deepbuild.build.result.Provenance;
import dev.deepbuild.runtime.model.KFoldSpec;
import dev.deepbuild.runtime.model.ModelDefinition;
import dev.deepbuild.runtime.model.ModelSpec;
import dev.deepbuild.runtime.network.OneDnn;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Decisions on saved files as the trainer leaves them: a model.zip (its content is not read) and a
 * metrics.json with the provenance the decision handed to the trainer.
 */
class IncrementalTrainingTest {
  @TempDir Path project;
  private Path output;
  private IncrementalTraining incremental;

  @BeforeEach
  void data() throws IOException {
    Files.writeString(project.resolve("data.csv"), "0.1,0.2,0\n0.9,0.8,1\n");
    output = project.resolve("target/deepbuild");
    incremental = new IncrementalTraining(project, output, getClass().getClassLoader());
  }

  private String reason(ModelDefinition model, boolean force) {
    return assertInstanceOf(Decision.Train.class, incremental.decide(model, force)).reason();
  }

  /** Saves the model as the trainer would after the decision to train it. */
  private ModelReport saveTrained(ModelDefinition model) throws IOException {
    Decision.Train train = assertInstanceOf(Decision.Train.class, incremental.decide(model, true));
    ModelReport report = report(train.provenance());
    Files.createDirectories(output.resolve("blobs"));
    Files.writeString(output.resolve("blobs/model.zip"), "a model");
    ReportJson.write(report, output.resolve("blobs/metrics.json"));
    return report;
  }

  private static ModelReport report(Provenance provenance) {
    Map<Metric, Double> metrics = Map.of(Metric.LOSS, 0.25, Metric.ACCURACY, 0.95);
    return new ModelReport("blobs", "com.example.Blobs", Task.CLASSIFICATION, 42,
        Map.of(DataSplit.TRAIN, metrics, DataSplit.TEST, metrics),
        List.of(new EpochRecord(1, metrics, Map.of())), 1.5, null, null, provenance);
  }

  @Test
  void withoutSavedFilesTheModelIsTrained() {
    assertEquals("no saved model", reason(TestModels.model(TestModels.spec().build()), false));
  }

  @Test
  void anUnchangedModelReusesItsSavedReport() throws IOException {
    ModelDefinition model = TestModels.model(TestModels.spec().build());
    ModelReport saved = saveTrained(model);

    Decision.Reuse reuse = assertInstanceOf(Decision.Reuse.class, incremental.decide(model, false));
    assertEquals(saved, reuse.saved());
    assertEquals(output.resolve("blobs/model.zip"), reuse.modelFile());
  }

  @Test
  void aChangedThresholdStillReuses() throws IOException {
    saveTrained(TestModels.model(TestModels.spec().build()));
    ModelSpec stricter = TestModels.spec().threshold(ThresholdSpec.min(Metric.ACCURACY, 0.99)).build();
    assertInstanceOf(Decision.Reuse.class, incremental.decide(TestModels.model(stricter), false));
  }

  @Test
  void forceTrainsAnUpToDateModel() throws IOException {
    ModelDefinition model = TestModels.model(TestModels.spec().build());
    saveTrained(model);
    assertEquals("-Ddl.force is set", reason(model, true));
  }

  @Test
  void changesSinceTheSavedModelAreTheReason() throws IOException {
    saveTrained(TestModels.model(TestModels.spec().kFold(KFoldSpec.folds(4)).build()));
    Files.writeString(project.resolve("data.csv"), "0.1,0.2,0\n0.9,0.7,1\n");
    assertEquals("the data changed (data.csv), kFold was removed and the seed changed (42 -> 7)",
        reason(TestModels.model(TestModels.spec().seed(7).build()), false));
  }

  @Test
  void aTornTrainingIsNotUpToDate() throws IOException {
    ModelDefinition model = TestModels.model(TestModels.spec().build());
    saveTrained(model);
    // The trainer deletes metrics.json before writing model.zip, and writes it last.
    Files.delete(output.resolve("blobs/metrics.json"));
    assertEquals("the saved model has no metrics.json beside it", reason(model, false));

    saveTrained(model);
    Files.delete(output.resolve("blobs/model.zip"));
    assertEquals("no saved model", reason(model, false));
  }

  @Test
  void aCorruptMetricsFileIsTheReason() throws IOException {
    ModelDefinition model = TestModels.model(TestModels.spec().build());
    saveTrained(model);
    Path metrics = output.resolve("blobs/metrics.json");
    Files.writeString(metrics, Files.readString(metrics).substring(0, 200));
    String reason = reason(model, false);
    assertTrue(reason.startsWith("the saved metrics.json cannot be read (cannot read the model report "
        + metrics), reason);
  }

  @Test
  void aMetricsFileWithoutFingerprintIsTheReason() throws IOException {
    ModelDefinition model = TestModels.model(TestModels.spec().build());
    saveTrained(model);
    ReportJson.write(report(null), output.resolve("blobs/metrics.json"));
    assertEquals("the saved metrics.json records no fingerprint", reason(model, false));

    Provenance p = assertInstanceOf(Decision.Train.class, incremental.decide(model, true)).provenance();
    ReportJson.write(report(new Provenance(p.deepbuildVersion(), p.dl4jVersion(), p.nd4jVersion(),
        p.javaVersion(), p.javaVendor(), p.os(), p.arch(), p.ompNumThreads(), p.backend(), p.dataType(),
        p.seed(), p.dataDigest(), Map.of())), output.resolve("blobs/metrics.json"));
    assertEquals("the saved metrics.json records no fingerprint", reason(model, false));
  }

  @Test
  void unreadableDataIsLeftToTrainingToReport() throws IOException {
    Files.delete(project.resolve("data.csv"));
    Decision.Train train = assertInstanceOf(Decision.Train.class,
        incremental.decide(TestModels.model(TestModels.spec().build()), false));
    assertEquals("its data cannot be read (NoSuchFileException: " + project.toAbsolutePath().resolve("data.csv") + ")",
        train.reason());
    assertNull(train.provenance().dataDigest());
    assertTrue(train.provenance().fingerprint().isEmpty());
  }

  @Test
  void theProvenanceSaysWhatTheModelIsTrainedWith() {
    ModelDefinition model = TestModels.model(TestModels.spec().build());
    Provenance provenance = assertInstanceOf(Decision.Train.class, incremental.decide(model, false)).provenance();

    assertEquals(RuntimeVersions.current().deepbuild(), provenance.deepbuildVersion());
    assertEquals("1.0.0-M2.1", provenance.dl4jVersion());
    assertEquals(System.getProperty("java.version"), provenance.javaVersion());
    assertEquals(System.getProperty("os.arch"), provenance.arch());
    assertEquals(System.getenv("OMP_NUM_THREADS"), provenance.ompNumThreads());
    assertEquals(OneDnn.active() ? "CPU, OPENBLAS, ONEDNN" : "CPU, OPENBLAS", provenance.backend());
    assertEquals("FLOAT", provenance.dataType());
    assertEquals(42, provenance.seed());
    assertTrue(provenance.dataDigest().startsWith("sha256:"), provenance.dataDigest());
    assertEquals(provenance.dataDigest(), provenance.fingerprint().get("data.digest"));
    assertEquals("3", provenance.fingerprint().get("epochs"));
  }
}
