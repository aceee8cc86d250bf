package dev.deepbuild.runtime.fork;

import dev.deepbuild.build.DeepBuildException;
import dev.deepbuild.runtime.train.ComputeSettings;
import java.util.Locale;
import java.util.function.Supplier;
import org.nd4j.linalg.api.environment.Nd4jEnvironment;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Checks, before any model is touched, that ND4J loaded the backend the build chose: ND4J picks
 * whichever backend on the class path starts, so a CUDA build whose GPU or CUDA libraries are
 * missing would otherwise crash deep inside the first model, or quietly train on another backend.
 */
final class BackendCheck {
  private BackendCheck() {}

  /**
   * @throws DeepBuildException naming the backend asked for, the one found (or why none started)
   *     and the fix
   */
  static void verify(ComputeSettings settings) {
    verify(settings, BackendCheck::loaded);
  }

  /** @param loaded ND4J's name of the backend it loads; it may throw when none starts */
  static void verify(ComputeSettings settings, Supplier<String> loaded) {
    if (settings.nd4jBackend() == null) {
      return;
    }
    String found;
    try {
      found = loaded.get();
    } catch (Throwable e) {
      // ND4J wraps why no backend started (in a class initializer, in a RuntimeException) and
      // prints the native library that failed to load itself, such as libcuda.so.1.
      Throwable cause = e;
      while (cause.getCause() != null && cause.getCause() != cause) {
        cause = cause.getCause();
      }
      throw new DeepBuildException("dl.backend is " + settings.backend() + ", but ND4J could not"
          + " start its " + settings.nd4jBackend() + " backend in the training JVM ("
          + cause.getClass().getSimpleName() + ": " + cause.getMessage() + "; the training JVM's"
          + " output above names the native library that did not load). " + fix(settings), e);
    }
    if (!settings.nd4jBackend().equalsIgnoreCase(found)) {
      throw new DeepBuildException("dl.backend is " + settings.backend() + ", but ND4J loaded its "
          + found + " backend in the training JVM, not " + settings.nd4jBackend() + ". "
          + fix(settings));
    }
  }

  private static String fix(ComputeSettings settings) {
    return settings.backend().toLowerCase(Locale.ROOT).equals("cpu")
        ? "Remove other ND4J backends (nd4j-cuda-*) from the project's dependencies."
        : "Check the GPU with nvidia-smi and that CUDA 11.6 is installed (or set <cudaRedist>true"
            + "</cudaRedist>, -Ddl.cudaRedist), or train on the CPU with -Ddl.backend=cpu.";
  }

  private static String loaded() {
    return String.valueOf(Nd4j.getExecutioner().getEnvironmentInformation()
        .get(Nd4jEnvironment.BACKEND_KEY));
  }
}
