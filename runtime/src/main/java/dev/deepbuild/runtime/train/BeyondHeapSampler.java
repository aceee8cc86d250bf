package dev.deepbuild.runtime.train;

import dev.deepbuild.build.result.MemoryUse;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.bytedeco.javacpp.Pointer;

/**
 * The peak of the resident set beyond the heap's committed size, sampled on one daemon thread
 * every {@link MemoryUse#SAMPLE_MILLIS} ms. No counter covers ND4J's native arrays (libnd4j
 * allocates them itself, outside JavaCPP's count), so this is what the process holds besides the
 * heap; a peak shorter than a sample's interval can be missed.
 */
final class BeyondHeapSampler {
  private static final MemoryMXBean MEMORY = ManagementFactory.getMemoryMXBean();
  private static final AtomicLong PEAK = new AtomicLong(-1);
  private static ScheduledExecutorService sampler;

  private BeyondHeapSampler() {}

  /** Forgets the peak so far and samples from now on. */
  static synchronized void reset() {
    PEAK.set(-1);
    sample();
    if (sampler == null) {
      sampler = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "deepbuild-memory-sampler");
        thread.setDaemon(true);
        return thread;
      });
      sampler.scheduleAtFixedRate(BeyondHeapSampler::sample, MemoryUse.SAMPLE_MILLIS,
          MemoryUse.SAMPLE_MILLIS, TimeUnit.MILLISECONDS);
    }
  }

  /** The peak since {@link #reset}, this moment included; -1 where the resident set is unknown. */
  static long peak() {
    sample();
    return PEAK.get();
  }

  private static void sample() {
    long resident = Pointer.physicalBytes();
    if (resident > 0) {
      long beyond = Math.max(0, resident - MEMORY.getHeapMemoryUsage().getCommitted());
      PEAK.accumulateAndGet(beyond, Math::max);
    }
  }
}
