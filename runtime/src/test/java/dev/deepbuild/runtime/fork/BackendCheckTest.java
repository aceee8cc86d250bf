package dev.deepbuild.runtime.fork;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.deepbuild.build.DeepBuildException;
import dev.deepbuild.runtime.train.ComputeSettings;
import org.junit.jupiter.api.Test;

/** The training JVM refuses to train on another backend than the build chose. */
class BackendCheckTest {
  private static final ComputeSettings CUDA = new ComputeSettings("cuda", "CUDA", 1, false);

  @Test
  void theLoadedCpuBackendIsTheOneACpuBuildAsksFor() {
    BackendCheck.verify(new ComputeSettings("cpu", "CPU", 1, false));
  }

  @Test
  void aJvmThatNoBuildStartedChecksNothing() {
    BackendCheck.verify(ComputeSettings.DEFAULT, () -> {
      throw new AssertionError("not asked");
    });
  }

  @Test
  void anotherBackendThanTheChosenOneFailsWithTheFix() {
    DeepBuildException e = assertThrows(DeepBuildException.class,
        () -> BackendCheck.verify(CUDA, () -> "CPU"));
    assertEquals("dl.backend is cuda, but ND4J loaded its CPU backend in the training JVM, not CUDA."
        + " Check the GPU with nvidia-smi and that CUDA 11.6 is installed (or set <cudaRedist>true"
        + "</cudaRedist>, -Ddl.cudaRedist), or train on the CPU with -Ddl.backend=cpu.",
        e.getMessage());
  }

  @Test
  void aBackendThatCannotStartFailsWithItsCauseAndTheFix() {
    DeepBuildException e = assertThrows(DeepBuildException.class, () -> BackendCheck.verify(CUDA,
        () -> {
          throw new ExceptionInInitializerError(new RuntimeException(
              new UnsatisfiedLinkError("libcuda.so.1: cannot open shared object file")));
        }));
    assertEquals("dl.backend is cuda, but ND4J could not start its CUDA backend in the training JVM"
        + " (UnsatisfiedLinkError: libcuda.so.1: cannot open shared object file; the training JVM's"
        + " output above names the native library that did not load). Check the GPU with nvidia-smi"
        + " and that CUDA 11.6 is installed (or set <cudaRedist>true</cudaRedist>,"
        + " -Ddl.cudaRedist), or train on the CPU with -Ddl.backend=cpu.", e.getMessage());
  }
}
