package dev.deepbuild.build.result;

/**
 * What computed a model: ND4J's backend as it reports itself, the device, the native threads
 * and the replicas trained at once. Recorded in the provenance; the backend's name is also part of
 * the fingerprint, since backends differ in the last bits of every result.
 *
 * @param backend ND4J's name of the backend, {@code CPU} or {@code CUDA}
 * @param backendClass the class of the loaded ND4J backend, such as
 *     {@code org.nd4j.linalg.cpu.nativecpu.CpuBackend}
 * @param executioner the class of ND4J's executioner, such as {@code NativeOpExecutioner}
 * @param device the CPU's model name, or the GPUs' names, such as {@code NVIDIA H200}
 * @param threads the native backend's OpenMP threads as ND4J reports them; 0 when it does not
 * @param workers the replicas of the model trained at once (the runtime's {@code ReplicaTraining}); 1 for one
 */
public record Execution(String backend, String backendClass, String executioner, String device,
    int threads, int workers) {

  /** What the reproducibility of a result rests on, as the report words it. */
  public String reproducibility() {
    return workers == 1
        ? "bit-identical for the same seed, backend, device and thread count"
        : workers + " replicas on minibatches dealt in turn, averaged after every minibatch each"
            + " (ParallelWrapper, AVERAGING): not reproducible, since the replicas train on threads of"
            + " their own and a replica may start its next minibatch before an average lands; two"
            + " runs of one seed can differ by percents in the parameters";
  }
}
