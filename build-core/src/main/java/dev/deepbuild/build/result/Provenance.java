package dev.deepbuild.build.result;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a model was trained with, written into its {@code metrics.json} so that two results that
 * differ can be explained: the versions of DeepBuild, DL4J and ND4J, the Java runtime and machine,
 * the native backend with its thread count and data type, the seed and the data's digest. The
 * fingerprint names everything that shapes the model; a later build reuses the saved model while
 * the fingerprint stays the same.
 *
 * @param deepbuildVersion the DeepBuild runtime's version
 * @param dl4jVersion the version of deeplearning4j-nn on the class path
 * @param nd4jVersion the version of the ND4J backend (nd4j-native) on the class path
 * @param javaVersion the training JVM's {@code java.version}
 * @param javaVendor the training JVM's {@code java.vendor}
 * @param os the operating system's name and version
 * @param arch the JVM's architecture, such as {@code amd64}
 * @param ompNumThreads {@code OMP_NUM_THREADS} as the training JVM saw it; null when it was unset
 * @param backend ND4J's backend and BLAS, and ONEDNN when oneDNN computes convolutions ({@code
 *     OneDnn}), such as {@code CPU, OPENBLAS, ONEDNN}
 * @param dataType the network's floating-point type, such as {@code FLOAT}
 * @param seed the seed of every random choice
 * @param dataDigest {@code sha256:<hex>} of the data's bytes, or a built-in dataset's pinned
 *     integrity; null when the data could not be read
 * @param fingerprint what shaped the model, by component name; empty when it is unknown
 * @param execution the backend's classes, the device, threads and replicas; null in a file from
 *     before they were recorded
 * @param memory the training JVM's peak memory while the model trained; null until it has trained
 *     (and in reports written before it was recorded)
 */
public record Provenance(
    String deepbuildVersion,
    String dl4jVersion,
    String nd4jVersion,
    String javaVersion,
    String javaVendor,
    String os,
    String arch,
    String ompNumThreads,
    String backend,
    String dataType,
    long seed,
    String dataDigest,
    Map<String, String> fingerprint,
    Execution execution,
    MemoryUse memory) {

  public Provenance {
    // Sorted, so that the written file and any comparison read the same in every run.
    fingerprint = Collections.unmodifiableSortedMap(new TreeMap<>(fingerprint));
  }

  /** A provenance without execution and memory, as files written before they were recorded. */
  public Provenance(String deepbuildVersion, String dl4jVersion, String nd4jVersion,
      String javaVersion, String javaVendor, String os, String arch, String ompNumThreads,
      String backend, String dataType, long seed, String dataDigest,
      Map<String, String> fingerprint) {
    this(deepbuildVersion, dl4jVersion, nd4jVersion, javaVersion, javaVendor, os, arch,
        ompNumThreads, backend, dataType, seed, dataDigest, fingerprint, null, null);
  }

  /** The same with the memory the training used. */
  public Provenance withMemory(MemoryUse used) {
    return new Provenance(deepbuildVersion, dl4jVersion, nd4jVersion, javaVersion, javaVendor, os,
        arch, ompNumThreads, backend, dataType, seed, dataDigest, fingerprint, execution, used);
  }
}
