package dev.deepbuild.runtime.network;

import java.util.List;
import org.bytedeco.javacpp.Pointer;
import org.nd4j.linalg.api.memory.MemoryWorkspace;
import org.nd4j.linalg.api.memory.MemoryWorkspaceManager;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Frees the native memory that networks no longer reachable still hold. ND4J keeps an array's
 * values outside the heap and frees them only after the garbage collector has found the array
 * unreachable, and DL4J's workspaces keep the largest size a network asked for, per thread, until
 * they are destroyed; so without this, what one model of a build allocated stays allocated while
 * the next one trains.
 */
public final class NativeArrays {
  /** Polls of the resident set while ND4J's deallocator threads free what a collection found. */
  private static final int MAX_POLLS = 100;
  private static final long POLL_MILLIS = 5;
  /** A drop smaller than this between two polls counts as settled. */
  private static final long SETTLED_BYTES = 1L << 20;

  private NativeArrays() {}

  /**
   * Destroys this thread's workspaces, collects the heap, and waits until the resident set stops
   * falling, at most half a second: ND4J frees an array's memory on its own threads, after the
   * collection. Call it only when no network of this thread is in use.
   */
  public static void release() {
    // One by one: destroyAllWorkspacesForCurrentThread collects the heap too, which would make
    // two full collections of one release.
    MemoryWorkspaceManager workspaces = Nd4j.getWorkspaceManager();
    for (MemoryWorkspace workspace : List.copyOf(workspaces.getAllWorkspacesForCurrentThread())) {
      workspaces.destroyWorkspace(workspace);
    }
    System.gc();
    long previous = Pointer.physicalBytes();
    int settled = 0;
    for (int poll = 0; poll < MAX_POLLS && settled < 2 && sleep(); poll++) {
      long now = Pointer.physicalBytes();
      settled = previous - now < SETTLED_BYTES ? settled + 1 : 0;
      previous = now;
    }
  }

  /** False when interrupted: the wait ends, and the interrupt stays for the caller. */
  private static boolean sleep() {
    try {
      Thread.sleep(POLL_MILLIS);
      return true;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }
}
