package dev.deepbuild.runtime.incremental;

import java.util.Collections;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * What shaped a trained model, as named components with string values, sorted by name. Two
 * fingerprints are equal exactly when every component is there in both, with the same value.
 * {@link FingerprintCalculator} says which components there are.
 */
public record Fingerprint(SortedMap<String, String> components) {
  /** The generated network's configuration, by digest, its seeds left out (see {@link #SEED}). */
  public static final String NETWORK = "network";
  /** The data's source as the spec describes it: location, label column, format. */
  public static final String DATA = "data";
  /** The data's bytes, by digest. */
  public static final String DATA_DIGEST = "data.digest";
  /** The bytes of the validation table of its own, by digest, when the model has one. */
  public static final String VALIDATION_DIGEST = "validationData.digest";
  /** The DeepBuild runtime's class files, by digest ({@link RuntimeCode}). */
  public static final String DEEPBUILD_CODE = "deepbuild.code";
  /** The seed of the spec and, when they differ from it, of the network's layers. */
  public static final String SEED = "seed";
  /** ND4J's backend, {@code CPU} or {@code CUDA}: backends differ in the last bits of results. */
  public static final String BACKEND = "backend";
  /** The replicas trained at once, when more than one: averaging replicas changes the result. */
  public static final String WORKERS = "workers";

  public Fingerprint {
    components = Collections.unmodifiableSortedMap(new TreeMap<>(components));
  }

  public static Fingerprint of(Map<String, String> components) {
    return new Fingerprint(new TreeMap<>(components));
  }

  /** This fingerprint without {@code component}, for a comparison that ignores it. */
  public Fingerprint without(String component) {
    SortedMap<String, String> rest = new TreeMap<>(components);
    rest.remove(component);
    return new Fingerprint(rest);
  }
}
