package dev.deepbuild.runtime.train;

import dev.deepbuild.build.result.Execution;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.environment.Nd4jEnvironment;

/** What computed a model, as the provenance records it. */
class ExecutionTest {
  @TempDir Path folder;

  @Test
  void theCpuBackendReportsItselfItsClassesAndThreads() {
    Execution execution = Devices.execution(1);

    assertEquals("CPU", execution.backend());
    assertEquals("org.nd4j.linalg.cpu.nativecpu.CpuBackend", execution.backendClass());
    assertEquals("NativeOpExecutioner", execution.executioner());
    assertTrue(execution.device().endsWith(Runtime.getRuntime().availableProcessors() + " cores"),
        execution.device());
    String omp = System.getenv("OMP_NUM_THREADS");
    if (omp != null) {
      assertEquals(Integer.parseInt(omp), execution.threads());
    }
    assertEquals(1, execution.workers());
  }

  @Test
  void theCpuIsNamedByLinuxsFirstModelName() throws IOException {
    Path cpuInfo = folder.resolve("cpuinfo");
    Files.writeString(cpuInfo, "processor\t: 0\nvendor_id\t: GenuineIntel\n"
        + "model name\t: Intel(R) Xeon(R) Platinum 8375C CPU @ 2.90GHz\n\nprocessor\t: 1\n"
        + "model name\t: Intel(R) Xeon(R) Platinum 8375C CPU @ 2.90GHz\n");
    assertEquals(Optional.of("Intel(R) Xeon(R) Platinum 8375C CPU @ 2.90GHz"), Devices.cpuModel(cpuInfo));
    assertEquals(Optional.empty(), Devices.cpuModel(folder.resolve("absent")));
  }

  @Test
  void gpusAreNamedFromNd4jsCudaDeviceInformation() {
    Properties environment = new Properties();
    environment.put(Nd4jEnvironment.CUDA_DEVICE_INFORMATION_KEY, List.of(
        Map.of(Nd4jEnvironment.CUDA_DEVICE_NAME_KEY, "NVIDIA H200"),
        Map.of(Nd4jEnvironment.CUDA_DEVICE_NAME_KEY, "NVIDIA H200")));
    assertEquals("NVIDIA H200, NVIDIA H200", Devices.describe(environment));
  }

  @Test
  void replicasSayWhatTheResultsReproducibilityRestsOn() {
    assertTrue(new Execution("CPU", "c", "e", "d", 1, 1).reproducibility().startsWith("bit-identical"));
    assertTrue(new Execution("CPU", "c", "e", "d", 1, 2).reproducibility()
        .startsWith("2 replicas"));
  }
}
