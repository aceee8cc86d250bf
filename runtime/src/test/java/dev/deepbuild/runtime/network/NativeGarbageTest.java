package dev.deepbuild.runtime.network;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import org.bytedeco.javacpp.Pointer;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;

class NativeGarbageTest {
  private static final long MB = 1L << 20;

  @Test
  void collectsUnreachableArraysOnceTheResidentSetPassesTheLimit() {
    assumeTrue(Pointer.physicalBytes() > 0, "the resident set is unknown here");
    NativeArrays.release();
    long before = Pointer.physicalBytes();
    NativeGarbage garbage = new NativeGarbage(before + 128 * MB, 64 * MB, 0);

    garbage.collectIfAboveLimit();
    assertEquals(0, garbage.collectionsSoFar(), "collected below the limit");

    dropArrays(256);
    long held = Pointer.physicalBytes();
    assumeTrue(held - before > 200 * MB, "nothing held yet: " + (held - before) / MB + " MB");

    garbage.collectIfAboveLimit();

    long after = Pointer.physicalBytes();
    assertEquals(1, garbage.collectionsSoFar());
    assertTrue(after - before < 64 * MB, "still held: " + (after - before) / MB + " MB");
    assertTrue(garbage.limit() >= before + 128 * MB, "limit below the soft limit");
  }

  @Test
  void aModelThatNeedsMoreThanTheLimitCollectsOnlyAsItGrows() {
    assumeTrue(Pointer.physicalBytes() > 0, "the resident set is unknown here");
    NativeArrays.release();
    long before = Pointer.physicalBytes();
    // 192 MB of live arrays: above a limit that no collection can get back under.
    var live = Nd4j.create(DataType.FLOAT, 48 * MB).assign(1);
    NativeGarbage garbage = new NativeGarbage(before + 64 * MB, 64 * MB, 0);

    garbage.collectIfAboveLimit();
    assertEquals(1, garbage.collectionsSoFar());
    long limit = garbage.limit();
    assertTrue(limit >= Pointer.physicalBytes() + 64 * MB, "the limit did not move past the live"
        + " arrays: " + limit / MB + " MB");

    garbage.collectIfAboveLimit();
    garbage.collectIfAboveLimit();

    assertEquals(1, garbage.collectionsSoFar(), "collected again without growing");
    assertEquals(1f, live.getFloat(0));
  }

  /** {@code megabytes} of native arrays, touched and dropped. */
  private static void dropArrays(int megabytes) {
    for (int i = 0; i < megabytes / 32; i++) {
      Nd4j.create(DataType.FLOAT, 8 * MB).assign(1);
    }
  }
}
