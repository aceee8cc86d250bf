package dev.deepbuild.build.report;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.deepbuild.annotations.DataSplit;
import dev.deepbuild.annotations.Metric;
import dev.deepbuild.annotations.Task;
import dev.deepbuild.build.result.ModelOutcome;
import dev.deepbuild.build.result.EpochRecord;
import dev.deepbuild.build.result.Execution;
import dev.deepbuild.build.result.ModelReport;
import dev.deepbuild.build.result.Provenance;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/** The report's provenance names the device, ND4J's classes, threads and replicas. */
class ProvenanceExecutionPageTest {

  @Test
  void showsTheDeviceBackendClassesThreadsAndReplicas() throws Exception {
    Execution execution = new Execution("CPU", "org.nd4j.linalg.cpu.nativecpu.CpuBackend",
        "NativeOpExecutioner", "Intel(R) Xeon(R) Platinum 8375C CPU @ 2.90GHz, 2 cores", 1, 2);
    Map<Metric, Double> metrics = Map.of(Metric.LOSS, 0.25, Metric.ACCURACY, 0.95);
    Provenance provenance = new Provenance("0.1.0", "1.0.0-M2.1", "1.0.0-M2.1", "17.0.15", "Debian",
        "Linux 6.1", "amd64", "1", "CPU, OPENBLAS", "FLOAT", 42, "sha256:abc",
        Map.of("backend", "CPU"), execution, null);
    ModelReport report = new ModelReport("iris", "com.example.Iris", Task.CLASSIFICATION, 42,
        Map.of(DataSplit.TRAIN, metrics, DataSplit.TEST, metrics),
        List.of(new EpochRecord(1, metrics, Map.of())), 1.5, null, null, provenance);
    Document page = Xml.parse(ModelPage.render(new ModelOutcome("iris", report, null, List.of(), false)));

    Element section = Xml.elements(page, "section").stream()
        .filter(s -> s.getAttribute("id").equals("provenance")).findFirst().orElseThrow();
    String text = section.getTextContent();
    assertTrue(text.contains("Intel(R) Xeon(R) Platinum 8375C CPU @ 2.90GHz, 2 cores"), text);
    assertTrue(text.contains("org.nd4j.linalg.cpu.nativecpu.CpuBackend, NativeOpExecutioner, 1 thread"),
        text);
    assertTrue(text.contains("2: 2 replicas on minibatches dealt in turn"), text);
  }
}
