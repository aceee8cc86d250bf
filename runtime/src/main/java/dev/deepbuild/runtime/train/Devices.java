package dev.deepbuild.runtime.train;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import dev.deepbuild.build.result.Execution;
import org.nd4j.linalg.api.environment.Nd4jEnvironment;
import org.nd4j.linalg.factory.Nd4j;

/**
 * What this JVM computes on ({@link #execution}) and the name of the device a backend computes on, through ND4J's generic environment information
 * (so the runtime needs no GPU backend to compile): the CUDA backend lists its devices there; the
 * CPU backend does not name its CPU, which Linux's {@code /proc/cpuinfo} does.
 */
public final class Devices {
  private static final Path CPU_INFO = Path.of("/proc/cpuinfo");

  private Devices() {}

  /** What this JVM computes on, training {@code workers} replicas at once. */
  public static Execution execution(int workers) {
    Properties environment = Nd4j.getExecutioner().getEnvironmentInformation();
    return new Execution(String.valueOf(environment.get(Nd4jEnvironment.BACKEND_KEY)),
        Nd4j.getBackend().getClass().getName(),
        Nd4j.getExecutioner().getClass().getSimpleName(),
        describe(environment),
        number(environment.get(Nd4jEnvironment.OMP_THREADS_KEY)),
        workers);
  }


  private static int number(Object value) {
    if (value instanceof Number number) {
      return number.intValue();
    }
    try {
      return value == null ? 0 : Integer.parseInt(value.toString().strip());
    } catch (NumberFormatException e) {
      return 0;
    }
  }

  static String describe(Properties environment) {
    Object devices = environment.get(Nd4jEnvironment.CUDA_DEVICE_INFORMATION_KEY);
    if (devices instanceof List<?> list && !list.isEmpty()) {
      List<String> names = new ArrayList<>();
      for (Object device : list) {
        if (device instanceof Map<?, ?> info) {
          names.add(String.valueOf(info.get(Nd4jEnvironment.CUDA_DEVICE_NAME_KEY)));
        }
      }
      return String.join(", ", names);
    }
    String cores = Runtime.getRuntime().availableProcessors() + " cores";
    return cpuModel(CPU_INFO).map(model -> model + ", " + cores)
        .orElse(System.getProperty("os.arch") + ", " + cores);
  }

  /** The first {@code model name} of a {@code /proc/cpuinfo}; empty where there is none. */
  static Optional<String> cpuModel(Path cpuInfo) {
    try {
      for (String line : Files.readAllLines(cpuInfo)) {
        int colon = line.indexOf(':');
        if (colon > 0 && line.substring(0, colon).strip().equals("model name")) {
          return Optional.of(line.substring(colon + 1).strip()).filter(name -> !name.isEmpty());
        }
      }
    } catch (IOException | RuntimeException e) {
      // Not Linux, or not readable: the architecture names the machine instead.
    }
    return Optional.empty();
  }
}
