package dev.deepbuild.build.result;

/**
 * The training JVM's peak memory while one model trained (data, training, evaluation and saving),
 * in bytes. Each model trains in a JVM of its own unless the build shares one ({@code
 * -Ddl.reuseForks}); either way, when a model starts, what earlier ones left is released
 * (collected, ND4J's arrays and workspaces freed, the native heap trimmed) and the peaks are reset
 * where the JVM allows, so they are the model's own, on top of what the JVM, its libraries and the
 * data kept for the build still hold ({@code residentStart}).
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
 * @param nativePeak the peak of the resident set beyond the heap's committed size, sampled every
 *     {@value #SAMPLE_MILLIS} ms: ND4J's native arrays and workspaces, the JVM's own memory and the
 *     loaded libraries' pages; -1 where the resident set is unknown
 * @param residentStart the resident set when the model started, after the release: what the JVM,
 *     its libraries and anything the build keeps across models hold; -1 where unknown
 * @param collections how many times the training JVM collected ND4J's unreachable arrays between
 *     two steps because its resident set had passed its soft limit; -1 where unknown
 */
public record MemoryUse(long heapPeak, long heapMax, long residentPeak,
    boolean residentPeakPerModel, long nativeLimit, long nativePeak, long residentStart,
    int collections) {

  /** How often the resident set beyond the heap is sampled for {@link #nativePeak}. */
  public static final int SAMPLE_MILLIS = 20;

  /**
   * A measurement without the native peak, the starting resident set and the collections, as
   * older reports have.
   */
  public MemoryUse(long heapPeak, long heapMax, long residentPeak, boolean residentPeakPerModel,
      long nativeLimit) {
    this(heapPeak, heapMax, residentPeak, residentPeakPerModel, nativeLimit, -1, -1, -1);
  }

  /** Whether the collections between steps were counted. */
  public boolean collectionsKnown() {
    return collections >= 0;
  }

  /** Whether the resident peak is known. */
  public boolean residentKnown() {
    return residentPeak >= 0;
  }

  /** Whether the native peak is known. */
  public boolean nativeKnown() {
    return nativePeak >= 0;
  }

  /** Whether the resident set at the model's start is known. */
  public boolean residentStartKnown() {
    return residentStart >= 0;
  }
}
