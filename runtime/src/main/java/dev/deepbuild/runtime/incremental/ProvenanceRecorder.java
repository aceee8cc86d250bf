package dev.deepbuild.runtime.incremental;

import dev.deepbuild.runtime.train.Devices;
import dev.deepbuild.build.result.Provenance;
import dev.deepbuild.runtime.model.ModelDefinition;
import dev.deepbuild.runtime.network.OneDnn;
import dev.deepbuild.runtime.train.ComputeSettings;
import dev.deepbuild.build.result.Execution;
import dev.deepbuild.build.result.Provenance;
import dev.deepbuild.runtime.train.TrainingBackends;
import java.util.Map;
import java.util.Properties;
import org.nd4j.linalg.factory.Nd4j;

/** Records what a model is about to be trained with, as seen from inside the training JVM. */
final class ProvenanceRecorder {
  private ProvenanceRecorder() {}

  /**
   * @param fingerprint the model's fingerprint; null when its data could not be read
   */
  static Provenance record(ModelDefinition model, Fingerprint fingerprint, RuntimeVersions versions,
      ComputeSettings compute) {
    Map<String, String> components = fingerprint == null ? Map.of() : fingerprint.components();
    Properties nd4j = Nd4j.getExecutioner().getEnvironmentInformation();
    return new Provenance(
        versions.deepbuild(),
        versions.dl4j(),
        versions.nd4j(),
        System.getProperty("java.version"),
        System.getProperty("java.vendor"),
        System.getProperty("os.name") + " " + System.getProperty("os.version"),
        System.getProperty("os.arch"),
        System.getenv("OMP_NUM_THREADS"),
        nd4j.get("backend") + ", " + nd4j.get("blas.vendor") + (OneDnn.active() ? ", ONEDNN" : "")
            + TrainingBackends.selected().map(b -> "; " + b.describe(model.spec())).orElse(""),
        model.network(FingerprintCalculator.PLACEHOLDER_INPUTS).dataType().name(),
        model.spec().seed(),
        components.get(Fingerprint.DATA_DIGEST),
        components,
        Devices.execution(compute.workers()),
        null);
  }
}
