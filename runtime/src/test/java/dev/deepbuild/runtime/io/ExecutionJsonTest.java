package dev.deepbuild.runtime.io;

import dev.deepbuild.build.io.ReportJson;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.deepbuild.annotations.DataSplit;
import dev.deepbuild.annotations.Metric;
import dev.deepbuild.annotations.Task;
import dev.deepbuild.build.result.EpochRecord;
import dev.deepbuild.build.result.Execution;
import dev.deepbuild.build.result.ModelReport;
import dev.deepbuild.build.result.Provenance;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The backend, device, threads and replicas in metrics.json's provenance. */
class ExecutionJsonTest {
  private static final Execution CUDA = new Execution("CUDA", "org.nd4j.linalg.jcublas.JCublasBackend",
      "CudaExecutioner", "NVIDIA H200", 0, 2);

  @Test
  void roundTripsTheExecution() throws IOException {
    ModelReport report = report(CUDA);
    String json = ReportJson.toJson(report);

    assertEquals(report, ReportJson.fromJson(json));
    JsonNode execution = new ObjectMapper().readTree(json).get("provenance").get("execution");
    assertEquals("NVIDIA H200", execution.get("device").asText());
    assertEquals(2, execution.get("workers").asInt());
    assertEquals(CUDA.reproducibility(), execution.get("reproducibility").asText());
  }

  @Test
  void aFileFromBeforeTheExecutionWasRecordedReadsWithoutIt() throws IOException {
    ModelReport report = report(null);
    assertNull(ReportJson.fromJson(ReportJson.toJson(report)).provenance().execution());
  }

  private static ModelReport report(Execution execution) {
    Map<Metric, Double> metrics = Map.of(Metric.LOSS, 0.25, Metric.ACCURACY, 0.95);
    Provenance provenance = new Provenance("0.1.0", "1.0.0-M2.1", "1.0.0-M2.1", "17.0.15", "Debian",
        "Linux 6.1.0", "amd64", "1", "CUDA, CUBLAS", "FLOAT", 42, "sha256:ab12",
        Map.of("backend", "CUDA"), execution, null);
    return new ModelReport("blobs", "com.example.Blobs", Task.CLASSIFICATION, 42,
        Map.of(DataSplit.TRAIN, metrics, DataSplit.TEST, metrics),
        List.of(new EpochRecord(1, metrics, Map.of())), 1.5, null, null, provenance);
  }
}
