package dev.deepbuild.runtime.incremental;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.deepbuild.annotations.DataSplit;
import dev.deepbuild.annotations.Metric;
import dev.deepbuild.annotations.Task;
import dev.deepbuild.build.io.ReportJson;
import dev.deepbuild.runtime.model.ModelDefinition;
import dev.deepbuild.runtime.train.ComputeSettings;
import dev.deepbuild.build.result.EpochRecord;
import dev.deepbuild.build.result.ModelReport;
import dev.deepbuild.build.result.Provenance;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The backend and the replica count in the fingerprint: a model saved by a build on a GPU is not up
 * to date for a build on the CPU unless the build says so ({@code -Ddl.anyBackend}).
 */
class BackendFingerprintTest {
  private static final ComputeSettings ONE_MODEL = ComputeSettings.DEFAULT;
  private static final ComputeSettings ANY_BACKEND = new ComputeSettings("cpu", "CPU", 1, true);

  @TempDir Path project;
  private Path output;
  private final ModelDefinition model = TestModels.model(TestModels.spec().build());

  @BeforeEach
  void data() throws IOException {
    Files.writeString(project.resolve("data.csv"), "0.1,0.2,0\n0.9,0.8,1\n");
    output = project.resolve("target/deepbuild");
  }

  @Test
  void theFingerprintNamesTheLoadedBackendAndOnlyMoreThanOneReplica() throws IOException {
    FingerprintCalculator one = new FingerprintCalculator(project, output, loader(),
        RuntimeVersions.current(), ONE_MODEL);
    FingerprintCalculator two = new FingerprintCalculator(project, output, loader(),
        RuntimeVersions.current(), new ComputeSettings("cpu", "CPU", 2, false));

    assertEquals("CPU", one.of(model).components().get(Fingerprint.BACKEND));
    assertNull(one.of(model).components().get(Fingerprint.WORKERS));
    assertEquals("2", two.of(model).components().get(Fingerprint.WORKERS));
  }

  @Test
  void aModelTrainedOnAGpuIsRetrainedOnTheCpu() throws IOException {
    saveTrainedOn("CUDA");
    assertEquals("the backend changed (CUDA -> CPU)", reason(ONE_MODEL));
  }

  @Test
  void anyBackendReusesAModelTrainedOnAGpuWhenNothingElseChanged() throws IOException {
    saveTrainedOn("CUDA");
    assertInstanceOf(Decision.Reuse.class, incremental(ANY_BACKEND).decide(model, false));
  }

  @Test
  void anyBackendStillRetrainsForOtherChanges() throws IOException {
    saveTrainedOn("CUDA");
    assertEquals("the seed changed (42 -> 7)", assertInstanceOf(Decision.Train.class,
        incremental(ANY_BACKEND).decide(TestModels.model(TestModels.spec().seed(7).build()), false))
        .reason());
  }

  @Test
  void moreReplicasAreAChange() throws IOException {
    saveTrainedOn("CPU");
    assertEquals("the number of replicas was added",
        reason(new ComputeSettings("cpu", "CPU", 4, false)));
  }

  private String reason(ComputeSettings compute) {
    return assertInstanceOf(Decision.Train.class, incremental(compute).decide(model, false)).reason();
  }

  /** Saves the model as the trainer would, with {@code backend} in its saved fingerprint. */
  private void saveTrainedOn(String backend) throws IOException {
    Provenance p = assertInstanceOf(Decision.Train.class,
        incremental(ONE_MODEL).decide(model, true)).provenance();
    Map<String, String> fingerprint = new TreeMap<>(p.fingerprint());
    fingerprint.put(Fingerprint.BACKEND, backend);
    Provenance saved = new Provenance(p.deepbuildVersion(), p.dl4jVersion(), p.nd4jVersion(),
        p.javaVersion(), p.javaVendor(), p.os(), p.arch(), p.ompNumThreads(), p.backend(),
        p.dataType(), p.seed(), p.dataDigest(), fingerprint, p.execution(), null);
    Map<Metric, Double> metrics = Map.of(Metric.LOSS, 0.25, Metric.ACCURACY, 0.95);
    ModelReport report = new ModelReport("blobs", "com.example.Blobs", Task.CLASSIFICATION, 42,
        Map.of(DataSplit.TRAIN, metrics, DataSplit.TEST, metrics),
        List.of(new EpochRecord(1, metrics, Map.of())), 1.5, null, null, saved);
    Files.createDirectories(output.resolve("blobs"));
    Files.writeString(output.resolve("blobs/model.zip"), "a model");
    ReportJson.write(report, output.resolve("blobs/metrics.json"));
  }

  private IncrementalTraining incremental(ComputeSettings compute) {
    return new IncrementalTraining(project, output, loader(), compute);
  }

  private ClassLoader loader() {
    return getClass().getClassLoader();
  }
}
