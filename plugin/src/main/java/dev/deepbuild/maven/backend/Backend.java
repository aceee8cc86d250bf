package dev.deepbuild.maven.backend;

import dev.deepbuild.build.spark.Spark;
import dev.deepbuild.naming.Nearest;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.apache.maven.plugin.MojoExecutionException;

/**
 * The ND4J backend the models train on, chosen by the build ({@code -Ddl.backend}) like an SLF4J
 * binding: the user's pom names DeepBuild's runtime, which brings the CPU backend, and the plugin
 * swaps the backend's artifacts on the training JVM's class path. Each backend says what it
 * checks on the machine first (before anything large is downloaded), which of the project's
 * artifacts it takes off the class path, which it puts on, and the name ND4J gives it once
 * loaded, which the training JVM compares with the backend it finds.
 */
public enum Backend {
  /** nd4j-native, as the project's dependencies bring it: nothing is swapped. */
  CPU("cpu", "CPU"),

  /**
   * ND4J's CUDA 11.6 backend with cuDNN, for an NVIDIA GPU on Linux or Windows on x86-64, the
   * platforms it has natives for. The CPU backend and its OpenBLAS leave the class path: with both,
   * ND4J would pick one by its own priority, not by the build's choice.
   */
  CUDA("cuda", "CUDA") {
    @Override
    public void check(Machine machine) throws MojoExecutionException {
      String platform = platform(machine);
      Path driver = machine.linux() ? Path.of("/proc/driver/nvidia/version")
          : machine.systemRoot().resolve("System32").resolve("nvcuda.dll");
      if (!machine.exists().test(driver)) {
        throw new MojoExecutionException("dl.backend is cuda, but this machine (" + platform
            + ") has no NVIDIA driver: " + driver + " does not exist. Train on the CPU with"
            + " -Ddl.backend=cpu (the default), or install the NVIDIA driver for a CUDA 11.6 GPU.");
      }
    }

    @Override
    public boolean removes(Coordinates artifact) {
      return artifact.is("org.nd4j", "nd4j-native") || artifact.is("org.nd4j", "nd4j-native-platform")
          || artifact.is("org.nd4j", "nd4j-native-preset")
          || artifact.is("org.bytedeco", "openblas") || artifact.is("org.bytedeco", "openblas-platform");
    }

    @Override
    public List<Coordinates> adds(Machine machine, BackendOptions options) throws MojoExecutionException {
      String platform = platform(machine);
      Coordinates nd4j = Coordinates.jar("org.nd4j", "nd4j-cuda-11.6", ND4J_VERSION);
      Coordinates cuda = Coordinates.jar("org.bytedeco", "cuda", CUDA_PRESETS_VERSION);
      List<Coordinates> artifacts = new ArrayList<>(List.of(
          nd4j, nd4j.classified(platform + "-cudnn"), cuda, cuda.classified(platform)));
      if (options.cudaRedist()) {
        artifacts.add(cuda.classified(platform + "-redist"));
      }
      return artifacts;
    }

    private String platform(Machine machine) throws MojoExecutionException {
      return machine.x86_64Platform().orElseThrow(() -> new MojoExecutionException(
          "dl.backend is cuda, but ND4J's CUDA backend (nd4j-cuda-11.6 " + ND4J_VERSION + ") has"
              + " natives for linux-x86_64 and windows-x86_64 only, not for this machine ("
              + machine.describe() + "). Train on the CPU with -Ddl.backend=cpu (the default)."));
    }
  },

  /**
   * nd4j-native as the project brings it, each epoch trained by DL4J's Spark parameter averaging:
   * {@code deepbuild-spark} of the plugin's version joins the class path with Spark and DL4J's
   * Spark modules, and names Spark's JVM options ({@code SparkFork}).
   */
  SPARK(Spark.BACKEND, "CPU") {
    @Override
    public List<Coordinates> adds(Machine machine, BackendOptions options) {
      return List.of(Coordinates.jar("dev.deepbuild", "deepbuild-spark", options.pluginVersion()));
    }

    @Override
    public boolean trainsOnSpark() {
      return true;
    }
  };

  private static final String ND4J_VERSION = "1.0.0-M2.1";
  /** The JavaCPP presets of CUDA that nd4j-cuda-11.6 1.0.0-M2.1 is built against. */
  private static final String CUDA_PRESETS_VERSION = "11.6-8.3-1.5.7";

  private final String value;
  private final String nd4jName;

  Backend(String value, String nd4jName) {
    this.value = value;
    this.nd4jName = nd4jName;
  }

  /**
   * The backend the build names.
   *
   * @throws MojoExecutionException when {@code value} names none, with the values there are
   */
  public static Backend named(String value) throws MojoExecutionException {
    String written = value == null ? "" : value.strip().toLowerCase(Locale.ROOT);
    for (Backend backend : values()) {
      if (backend.value.equals(written)) {
        return backend;
      }
    }
    List<String> names = Arrays.stream(values()).map(Backend::value).toList();
    throw new MojoExecutionException("dl.backend is '" + value + "', which names no backend; set"
        + " <backend> (-Ddl.backend) to one of " + String.join(", ", names) + "."
        + Nearest.didYouMean(written, names));
  }

  /** The value the build names it by, {@code -Ddl.backend=cuda}. */
  public String value() {
    return value;
  }

  /** What ND4J calls the backend once loaded, its environment's {@code backend}. */
  public String nd4jName() {
    return nd4jName;
  }

  /**
   * Checks that the backend can run on {@code machine}, before anything is resolved; any machine
   * runs the CPU backend.
   *
   * @throws MojoExecutionException naming what was checked and the fix, when it cannot
   */
  public void check(Machine machine) throws MojoExecutionException {}

  /** Whether the project's {@code artifact} leaves the training JVM's class path; none by default. */
  public boolean removes(Coordinates artifact) {
    return false;
  }

  /**
   * The artifacts the training JVM needs besides the project's, resolved with their dependencies;
   * none by default.
   *
   * @throws MojoExecutionException when the backend has no natives for {@code machine}
   */
  public List<Coordinates> adds(Machine machine, BackendOptions options)
      throws MojoExecutionException {
    return List.of();
  }

  /** Whether the epochs train on Spark, which brings its own artifacts and JVM options. */
  public boolean trainsOnSpark() {
    return false;
  }
}
