package dev.deepbuild.runtime.network;

import java.lang.management.ManagementFactory;
import javax.management.JMException;
import javax.management.ObjectName;

/**
 * Returns the C heap's free memory to the operating system. Memory that native code frees (ND4J's
 * arrays) stays in the process's C heap until trimmed, and so in its resident set, since glibc
 * keeps freed blocks below its mmap threshold, which grows up to 32 MB as large blocks are freed.
 * HotSpot trims on request ({@code jcmd PID System.trim_native_heap}, JDK 17.0.9 and later).
 */
final class NativeHeap {
  private static final String COMMAND = "com.sun.management:type=DiagnosticCommand";

  private NativeHeap() {}

  /** Trims the C heap where the JVM can (glibc); elsewhere nothing happens. */
  static void trim() {
    try {
      ManagementFactory.getPlatformMBeanServer().invoke(new ObjectName(COMMAND),
          "systemTrimNativeHeap", new Object[] {null}, new String[] {String[].class.getName()});
    } catch (JMException | RuntimeException notHere) {
      // Another JVM or C library: the resident set keeps what the C heap holds.
    }
  }
}
