package dev.deepbuild.runtime.network;

import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.bytedeco.javacpp.Pointer;
import org.nd4j.linalg.api.memory.Deallocatable;
import org.nd4j.linalg.api.memory.Deallocator;
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
  private static final int SENTINELS = 16;
  private static final long SENTINEL_WAIT_SECONDS = 10;
  private static final AtomicLong SENTINEL_IDS = new AtomicLong();

  private NativeArrays() {}

  /**
   * Destroys this thread's workspaces, collects the heap, waits until the resident set stops
   * falling, at most half a second (ND4J frees an array's memory on its own threads, after the
   * collection), and trims the C heap, which keeps what native code freed. Call it only when no
   * network of this thread is in use.
   */
  public static void release() {
    // One by one: destroyAllWorkspacesForCurrentThread collects the heap too, which would make
    // two full collections of one release.
    MemoryWorkspaceManager workspaces = Nd4j.getWorkspaceManager();
    for (MemoryWorkspace workspace : List.copyOf(workspaces.getAllWorkspacesForCurrentThread())) {
      workspaces.destroyWorkspace(workspace);
    }
    collect();
    NativeGarbage.reset();
  }

  /**
   * Collects the heap, waits until ND4J's deallocator threads have handled what the collection
   * found unreachable and the resident set stops falling (at most half a second: the threads
   * free after they take an array off their queue, and the queues fill in no fixed order), then
   * trims the C heap. Call it only between operations of this thread's networks and while no
   * other thread runs one, so that nothing it frees is still read by an operation in flight.
   */
  static void collect() {
    CountDownLatch collected = sentinels();
    System.gc();
    awaitQuietly(collected);
    long previous = Pointer.physicalBytes();
    int settled = 0;
    for (int poll = 0; poll < MAX_POLLS && settled < 2 && sleep(); poll++) {
      long now = Pointer.physicalBytes();
      settled = previous - now < SETTLED_BYTES ? settled + 1 : 0;
      previous = now;
    }
    NativeHeap.trim();
  }

  /**
   * Objects that ND4J's deallocator threads handle as they handle arrays, a few for each of its
   * queues (it picks one at random): once every one of them is handled, the threads have reached
   * what the collection found, where the resident set alone cannot tell a thread not yet
   * scheduled from one done.
   */
  private static CountDownLatch sentinels() {
    CountDownLatch latch = new CountDownLatch(SENTINELS);
    for (int i = 0; i < SENTINELS; i++) {
      String id = "deepbuild-release-" + SENTINEL_IDS.incrementAndGet();
      Nd4j.getDeallocatorService().pickObject(new Deallocatable() {
        @Override
        public String getUniqueId() {
          return id;
        }

        @Override
        public Deallocator deallocator() {
          return latch::countDown;
        }

        @Override
        public int targetDevice() {
          return 0;
        }
      });
    }
    return latch;
  }

  private static void awaitQuietly(CountDownLatch latch) {
    try {
      latch.await(SENTINEL_WAIT_SECONDS, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
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
