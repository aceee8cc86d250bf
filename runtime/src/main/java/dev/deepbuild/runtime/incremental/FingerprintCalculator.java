package dev.deepbuild.runtime.incremental;

import dev.deepbuild.runtime.model.ModelDefinition;
import dev.deepbuild.runtime.model.ModelSpec;
import dev.deepbuild.runtime.network.BaseLocations;
import dev.deepbuild.runtime.network.NetworkConfiguration;
import dev.deepbuild.runtime.text.Tokenizer;
import dev.deepbuild.runtime.train.ComputeSettings;
import dev.deepbuild.runtime.train.TrainingBackends;
import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.nio.file.Path;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.nd4j.linalg.api.environment.Nd4jEnvironment;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Computes a model's {@link Fingerprint}: every component of its {@link ModelSpec} but those that do
 * not shape the trained model (its name, declaring class and thresholds), each under its Java name
 * ({@code epochs}, {@code batchSize}, {@code kFold}, ...; an option that is null is absent, so
 * adding or removing one is a change); the data's digest; the generated network's configuration
 * by digest; the tokenizer's version for texts; the versions of DeepBuild, DL4J and ND4J; and the
 * digest of DeepBuild's runtime code, which changes while a SNAPSHOT's version does not; ND4J's
 * backend ({@code CPU}, {@code CUDA}) and the number of replicas trained at once when more than one.
 *
 * <p>The spec is read by its record components rather than option by option so that an option
 * added to the spec later is part of the fingerprint without anyone remembering to add it here:
 * a forgotten option would reuse a model trained with another value of it.
 */
public final class FingerprintCalculator {
  /**
   * The input count the network is configured with for its digest. A CSV table's feature count is
   * known only once the table is read; it follows from the data and its source, which are
   * components of their own, so any fixed count describes the rest of the network.
   */
  static final int PLACEHOLDER_INPUTS = 1;
  /** The component that names a model's pretrained base, which its provenance shows. */
  static final String PRETRAINED_BASE = "pretrainedBase";
  static final String TRAINING_BACKEND = "training.backend";
  private static final Set<String> NOT_SHAPING = Set.of("name", "declaringClass", "thresholds");

  private final Path baseDir;
  private final BaseLocations bases;
  private final ClassLoader resources;
  private final RuntimeVersions versions;
  private final ComputeSettings compute;

  /**
   * @param baseDir the project's base directory, against which data files resolve
   * @param outputRoot where each model's folder is, in which a pretrained base's network is
   * @param resources the class loader that classpath data is read from
   */
  public FingerprintCalculator(Path baseDir, Path outputRoot, ClassLoader resources) {
    this(baseDir, outputRoot, resources, RuntimeVersions.current());
  }

  FingerprintCalculator(Path baseDir, Path outputRoot, ClassLoader resources,
      RuntimeVersions versions) {
    this(baseDir, outputRoot, resources, versions, ComputeSettings.current());
  }

  FingerprintCalculator(Path baseDir, Path outputRoot, ClassLoader resources,
      RuntimeVersions versions, ComputeSettings compute) {
    this.baseDir = baseDir.toAbsolutePath();
    this.bases = new BaseLocations(baseDir, outputRoot);
    this.resources = resources;
    this.versions = versions;
    this.compute = compute;
  }

  /**
   * Computes the fingerprint, reading the data's bytes but not parsing them.
   *
   * @throws IOException when the data cannot be read
   */
  public Fingerprint of(ModelDefinition model) throws IOException {
    ModelSpec spec = model.spec();
    SortedMap<String, String> components = new TreeMap<>();
    for (RecordComponent component : ModelSpec.class.getRecordComponents()) {
      Object value = value(component, spec);
      if (value != null && !NOT_SHAPING.contains(component.getName())) {
        components.put(component.getName(), String.valueOf(value));
      }
    }
    components.put(Fingerprint.DATA_DIGEST, DataDigest.of(spec.data(), baseDir, resources));
    if (spec.validationData() != null) {
      components.put(Fingerprint.VALIDATION_DIGEST,
          DataDigest.of(spec.validationData(), baseDir, resources));
    }
    // A pretrained base's digest is its weights, so a retrained base makes this model stale.
    NetworkConfiguration network = model.network(PLACEHOLDER_INPUTS).locatedIn(bases);
    components.put(Fingerprint.SEED, seeds(spec.seed(), network.seeds()));
    components.put(Fingerprint.NETWORK, network.digest());
    network.baseDescription().ifPresent(base -> components.put(PRETRAINED_BASE, base));
    if (spec.vectorization() != null) {
      components.put("tokenizer", Integer.toString(Tokenizer.TOKENIZER_VERSION));
    }
    // A backend that trains otherwise (Spark averages its workers' parameters) shapes the model.
    TrainingBackends.selected().ifPresent(backend ->
        components.put(TRAINING_BACKEND, backend.describe(spec)));
    components.put("deepbuild.version", versions.deepbuild());
    components.put(Fingerprint.DEEPBUILD_CODE, versions.deepbuildCode());
    components.put("dl4j.version", versions.dl4j());
    components.put("nd4j.version", versions.nd4j());
    components.put(Fingerprint.BACKEND, String.valueOf(Nd4j.getExecutioner()
        .getEnvironmentInformation().get(Nd4jEnvironment.BACKEND_KEY)));
    if (compute.workers() > 1) {
      components.put(Fingerprint.WORKERS, Integer.toString(compute.workers()));
    }
    return new Fingerprint(components);
  }

  /**
   * The spec's seed, and the layers' seeds when they differ from it. The generated network takes
   * the spec's seed, so the seed is one component and a changed seed reads as such, not also as a
   * changed network.
   */
  private static String seeds(long seed, Set<Long> layerSeeds) {
    if (layerSeeds.isEmpty() || layerSeeds.equals(Set.of(seed))) {
      return Long.toString(seed);
    }
    return seed + " (network " + layerSeeds.stream().map(String::valueOf)
        .collect(Collectors.joining(", ")) + ")";
  }

  private static Object value(RecordComponent component, ModelSpec spec) {
    try {
      return component.getAccessor().invoke(spec);
    } catch (IllegalAccessException | InvocationTargetException e) {
      throw new IllegalStateException("cannot read " + component.getName() + " of a model spec", e);
    }
  }
}
