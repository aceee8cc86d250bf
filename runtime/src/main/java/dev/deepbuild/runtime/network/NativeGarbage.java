package dev.deepbuild.runtime.network;

import org.bytedeco.javacpp.Pointer;

/**
 * Keeps a training JVM's resident set near a soft limit while its networks run. ND4J frees an
 * array's native memory only once a collection finds the array unreachable, and an array whose
 * handle outlived a young collection waits for the old generation's: with the JVM's default
 * collector a convnet's training JVM held 230-380 MB of such arrays, and the C heap 200-250 MB of
 * freed memory, at a peak of about 900 MB; its peaks ranged from 650 MB to 1.6 GB between runs,
 * with the collector's timing.
 *
 * <p>So between two operations (a minibatch, a chunk of a pass) the caller asks {@link
 * #collectIfAbove}: once the resident set passes {@link #SOFT_LIMIT_BYTES}, the heap is collected
 * and the C heap trimmed ({@link NativeArrays#collect}), and the limit becomes what remains plus a
 * quarter (at least {@link #MIN_GROWTH_BYTES}), so that a model that needs more memory collects
 * only as it grows and never on every step. A model that stays below the limit never collects.
 * The collection runs on the thread that runs the networks, between their operations, never
 * during one; the collector's own collections still come when the heap asks. What a network
 * computes does not depend on when its garbage is collected.
 */
public final class NativeGarbage {
  /** A quarter below the 1 GB that every book model aims for: room for the heap and one step. */
  static final long SOFT_LIMIT_BYTES = 768L << 20;
  static final long MIN_GROWTH_BYTES = 128L << 20;
  /** The resident set is read at most this often (a read costs a few microseconds). */
  private static final long CHECK_NANOS = 20_000_000L;
  private static final NativeGarbage TRAINING =
      new NativeGarbage(SOFT_LIMIT_BYTES, MIN_GROWTH_BYTES, CHECK_NANOS);

  private final long softLimit;
  private final long minGrowth;
  private final long checkNanos;
  private long limit;
  private long lastCheck;
  private int collections;

  NativeGarbage(long softLimit, long minGrowth, long checkNanos) {
    this.softLimit = softLimit;
    this.minGrowth = minGrowth;
    this.checkNanos = checkNanos;
    this.limit = softLimit;
    this.lastCheck = System.nanoTime() - checkNanos;
  }

  /**
   * Collects ND4J's unreachable arrays if the training JVM's resident set has passed its current
   * limit. Call it only from the thread that runs the networks, between their operations.
   */
  public static void collectIfAbove() {
    TRAINING.collectIfAboveLimit();
  }

  /** The collections {@link #collectIfAbove} made since the last {@link #reset}. */
  public static int collections() {
    return TRAINING.collectionsSoFar();
  }

  /** Starts over for the next model: the soft limit again, and no collections counted. */
  static void reset() {
    TRAINING.restart();
  }

  synchronized void collectIfAboveLimit() {
    long now = System.nanoTime();
    if (now - lastCheck < checkNanos) {
      return;
    }
    lastCheck = now;
    if (Pointer.physicalBytes() <= limit) {
      return;
    }
    NativeArrays.collect();
    collections++;
    long remaining = Pointer.physicalBytes();
    limit = Math.max(softLimit, remaining + Math.max(minGrowth, remaining / 4));
  }

  synchronized int collectionsSoFar() {
    return collections;
  }

  synchronized long limit() {
    return limit;
  }

  synchronized void restart() {
    limit = softLimit;
    collections = 0;
  }
}
