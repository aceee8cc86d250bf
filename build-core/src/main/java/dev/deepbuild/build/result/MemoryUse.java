package dev.deepbuild.build.result;

/**
 * The training JVM's peak memory while one model trained (data, training, evaluation and saving),
 * in bytes. Models train one after another in one JVM; each peak is reset when a model starts
 * where the JVM allows, so it is the model's own, but memory an earlier model left allocated
 * counts as this one's too.
 *
 * @param heapPeak the sum of each Java heap pool's peak use: at least the heap's peak, at most
 *     that sum, since the pools peak at different times
 * @param heapMax the heap's limit ({@code -Xmx} or the JVM's default)
 * @param residentPeak the process's peak resident set ({@code VmHWM} of {@code /proc/self/status}
 *     on Linux): heap, native arrays (ND4J's and JavaCPP's) and the JVM itself; -1 where the
 *     operating system does not tell it
 * @param residentPeakPerModel whether the resident peak was reset when the model started; if not,
 *     it is the process's peak since it started
 * @param nativeLimit JavaCPP's limit of the process's physical memory ({@code
 *     org.bytedeco.javacpp.maxPhysicalBytes}), beyond which native allocations fail; 0 for none
 */
public record MemoryUse(long heapPeak, long heapMax, long residentPeak,
    boolean residentPeakPerModel, long nativeLimit) {

  /** Whether the resident peak is known. */
  public boolean residentKnown() {
    return residentPeak >= 0;
  }
}
