package dev.deepbuild.runtime.network;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import org.bytedeco.javacpp.Pointer;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.memory.MemoryWorkspace;
import org.nd4j.linalg.api.memory.conf.WorkspaceConfiguration;
import org.nd4j.linalg.api.memory.enums.AllocationPolicy;
import org.nd4j.linalg.api.memory.enums.LearningPolicy;
import org.nd4j.linalg.factory.Nd4j;

class NativeArraysTest {
  private static final long MB = 1L << 20;

  @Test
  void freesTheNativeMemoryOfArraysNoLongerReachable() {
    assumeTrue(Pointer.physicalBytes() > 0, "the resident set is unknown here");
    NativeArrays.release();
    long before = Pointer.physicalBytes();
    // 256 MB outside the heap, touched, then dropped: the heap holds a few objects only, so
    // nothing would collect them before the heap fills.
    for (int i = 0; i < 8; i++) {
      Nd4j.create(DataType.FLOAT, 8 * MB).assign(1);
    }
    long held = Pointer.physicalBytes();
    assumeTrue(held - before > 200 * MB, "nothing collected yet: " + (held - before) / MB + " MB");

    NativeArrays.release();

    long after = Pointer.physicalBytes();
    assertTrue(after - before < 64 * MB, "still held: " + (after - before) / MB + " MB");
  }

  @Test
  void destroysTheWorkspacesOfTheThread() {
    WorkspaceConfiguration conf = WorkspaceConfiguration.builder().initialSize(64 * MB)
        .policyAllocation(AllocationPolicy.STRICT).policyLearning(LearningPolicy.NONE).build();
    try (MemoryWorkspace workspace = Nd4j.getWorkspaceManager()
        .getAndActivateWorkspace(conf, "NativeArraysTest")) {
      Nd4j.create(DataType.FLOAT, MB).assign(1);
    }
    assertTrue(Nd4j.getWorkspaceManager().checkIfWorkspaceExists("NativeArraysTest"));

    NativeArrays.release();

    assertTrue(!Nd4j.getWorkspaceManager().checkIfWorkspaceExists("NativeArraysTest"));
  }
}
