package dev.deepbuild.runtime.train;

import dev.deepbuild.build.result.MemoryUse;
import dev.deepbuild.runtime.network.NativeArrays;
import dev.deepbuild.runtime.network.NativeGarbage;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import org.bytedeco.javacpp.Pointer;

/**
 * Measures {@link MemoryUse}: {@link #start} releases what earlier models left and resets the
 * peaks, {@link #measure} reads them.
 */
final class MemoryPeaks {
  private static final Path STATUS = Path.of("/proc/self/status");
  /** Writing 5 here resets the process's VmHWM to its current resident set (Linux 4.0+). */
  private static final Path CLEAR_REFS = Path.of("/proc/self/clear_refs");

  private final boolean residentReset;
  private final long residentStart;

  private MemoryPeaks(boolean residentReset, long residentStart) {
    this.residentReset = residentReset;
    this.residentStart = residentStart;
  }

  /**
   * Frees what the JVM's earlier models left allocated (their arrays, workspaces and the C heap's
   * free memory), then resets the heap pools' peaks, the peak beyond the heap and, where the OS
   * allows, the resident peak. Call it when no network of this thread is in use.
   */
  static MemoryPeaks start() {
    NativeArrays.release();
    heapPools().forEach(MemoryPoolMXBean::resetPeakUsage);
    BeyondHeapSampler.reset();
    boolean reset;
    try {
      Files.writeString(CLEAR_REFS, "5");
      reset = true;
    } catch (IOException | UnsupportedOperationException | SecurityException notHere) {
      reset = false;
    }
    long resident = Pointer.physicalBytes();
    return new MemoryPeaks(reset, resident > 0 ? resident : -1);
  }

  /** The peaks since {@link #start}. */
  MemoryUse measure() {
    long heapPeak = heapPools().mapToLong(pool -> pool.getPeakUsage().getUsed()).sum();
    long resident = residentPeak();
    return new MemoryUse(heapPeak, Runtime.getRuntime().maxMemory(), resident,
        resident >= 0 && residentReset, Pointer.maxPhysicalBytes(), BeyondHeapSampler.peak(),
        residentStart, NativeGarbage.collections());
  }

  private static java.util.stream.Stream<MemoryPoolMXBean> heapPools() {
    return ManagementFactory.getMemoryPoolMXBeans().stream()
        .filter(pool -> pool.getType() == MemoryType.HEAP && pool.isValid());
  }

  /** VmHWM in bytes, or -1 where there is no such line to read. */
  private static long residentPeak() {
    try {
      for (String line : Files.readAllLines(STATUS)) {
        if (line.startsWith("VmHWM:")) {
          String[] parts = line.substring("VmHWM:".length()).trim().split("\\s+");
          return Long.parseLong(parts[0]) * 1024;
        }
      }
    } catch (IOException | NumberFormatException | SecurityException notHere) {
      // Not Linux, or no procfs: the resident peak is unknown.
    }
    return -1;
  }
}
