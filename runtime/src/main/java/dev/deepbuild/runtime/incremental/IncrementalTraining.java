package dev.deepbuild.runtime.incremental;

import dev.deepbuild.build.io.ReportJson;
import dev.deepbuild.build.result.ModelReport;
import dev.deepbuild.runtime.model.ModelDefinition;
import dev.deepbuild.runtime.train.ComputeSettings;
import dev.deepbuild.build.result.ModelReport;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Decides whether a model must be trained or its saved model reused: reused when
 * {@code model.zip} and {@code metrics.json} are in its folder and the fingerprint saved in
 * {@code metrics.json} equals the model's current one. The trainer writes {@code metrics.json}
 * last, after deleting the old one, so a training that stopped half-way never looks up to date.
 */
public final class IncrementalTraining {
  private final Path outputRoot;
  private final FingerprintCalculator fingerprints;
  private final RuntimeVersions versions;
  private final ComputeSettings compute;

  /**
   * On what this JVM was told to compute on ({@link ComputeSettings#current()}).
   *
   * @param baseDir the project's base directory, against which data files resolve
   * @param outputRoot where each model's folder is, {@code target/deepbuild}
   * @param resources the class loader that classpath data is read from
   */
  public IncrementalTraining(Path baseDir, Path outputRoot, ClassLoader resources) {
    this(baseDir, outputRoot, resources, ComputeSettings.current());
  }

  /**
   * @param compute the replicas, and whether a model saved on another backend may be reused
   */
  public IncrementalTraining(Path baseDir, Path outputRoot, ClassLoader resources,
      ComputeSettings compute) {
    this.outputRoot = outputRoot;
    this.versions = RuntimeVersions.current();
    this.compute = compute;
    this.fingerprints = new FingerprintCalculator(baseDir, outputRoot, resources, versions, compute);
  }

  /**
   * @param force whether to train even an up-to-date model ({@code -Ddl.force})
   */
  public Decision decide(ModelDefinition model, boolean force) {
    Fingerprint current;
    try {
      current = fingerprints.of(model);
    } catch (IOException e) {
      // Training reads the data too, and fails with a message that says how to fix it.
      return train(model, null, "its data cannot be read (" + e.getClass().getSimpleName() + ": "
          + e.getMessage() + ")");
    }
    return force ? train(model, current, "-Ddl.force is set") : compare(model, current);
  }

  /**
   * Why the model saved in its folder is not the model as now declared, in the words of
   * {@link #decide}; empty when it is up to date. {@code dl:evaluate} asks, so that a saved model is
   * measured only on the split it was trained with and the features it was fitted with.
   *
   * @throws IOException when the model's data cannot be read
   */
  public Optional<String> outOfDate(ModelDefinition model) throws IOException {
    return compare(model, fingerprints.of(model)) instanceof Decision.Train train
        ? Optional.of(train.reason()) : Optional.empty();
  }

  /** Reuse when the saved files are there and their fingerprint is {@code current}. */
  private Decision compare(ModelDefinition model, Fingerprint current) {
    Path folder = outputRoot.resolve(model.spec().name());
    Path modelFile = folder.resolve("model.zip");
    Path metricsFile = folder.resolve("metrics.json");
    if (!Files.isRegularFile(modelFile)) {
      return train(model, current, "no saved model");
    }
    if (!Files.isRegularFile(metricsFile)) {
      return train(model, current, "the saved model has no metrics.json beside it");
    }
    ModelReport saved;
    try {
      saved = ReportJson.read(metricsFile);
    } catch (IOException e) {
      return train(model, current, "the saved metrics.json cannot be read (" + e.getMessage() + ")");
    }
    if (saved.provenance() == null || saved.provenance().fingerprint().isEmpty()) {
      return train(model, current, "the saved metrics.json records no fingerprint");
    }
    Fingerprint before = Fingerprint.of(saved.provenance().fingerprint());
    Fingerprint now = current;
    if (compute.anyBackend()) {
      // The user accepts a model from another backend (-Ddl.anyBackend): its last bits may differ.
      before = before.without(Fingerprint.BACKEND);
      now = now.without(Fingerprint.BACKEND);
    }
    List<String> changes = Changes.between(before, now, model.spec().data());
    return changes.isEmpty()
        ? new Decision.Reuse(saved, modelFile)
        : train(model, current, Changes.join(changes));
  }

  private Decision.Train train(ModelDefinition model, Fingerprint current, String reason) {
    return new Decision.Train(reason, ProvenanceRecorder.record(model, current, versions, compute));
  }
}
