package dev.deepbuild.maven.backend;

import dev.deepbuild.naming.Nearest;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.maven.plugin.MojoExecutionException;

/**
 * The platform whose natives the Spark job jar carries: the executors', which need not be the
 * build machine's. Its classifiers are the runtime's OS profiles' (ND4J's {@code -onednn} build
 * where Maven Central has one, OpenBLAS, and HDF5 where it exists at 1.5.7).
 *
 * @param name JavaCPP's name of the platform, such as {@code linux-x86_64}
 */
public record NativePlatform(String name) {
  /** The platforms the runtime has natives for. */
  public static final List<String> NAMES =
      List.of("linux-x86_64", "linux-arm64", "macosx-x86_64", "macosx-arm64", "windows-x86_64");
  /** What a cluster's executors run on, most often. */
  public static final String DEFAULT = "linux-x86_64";

  private static final Map<String, String> GROUPS =
      Map.of("nd4j-native", "org.nd4j", "openblas", "org.bytedeco", "hdf5", "org.bytedeco");

  /**
   * @throws MojoExecutionException when {@code value} names no platform the runtime has natives for
   */
  public static NativePlatform named(String value) throws MojoExecutionException {
    String written = value == null ? "" : value.strip().toLowerCase(Locale.ROOT);
    if (!NAMES.contains(written)) {
      throw new MojoExecutionException("dl.spark.platform is '" + value + "', which names no"
          + " platform DeepBuild's runtime has natives for; set <sparkPlatform> (-Ddl.spark.platform)"
          + " to the executors' platform, one of " + String.join(", ", NAMES) + "."
          + Nearest.didYouMean(written, NAMES));
    }
    return new NativePlatform(written);
  }

  /** Whether {@code artifact} is natives of some platform, which this platform's replace. */
  public boolean isNatives(Coordinates artifact) {
    return !artifact.classifier().isEmpty() && GROUPS.entrySet().stream()
        .anyMatch(e -> artifact.is(e.getValue(), e.getKey()));
  }

  /**
   * This platform's natives, at the versions of the artifacts {@code classpath} holds (in any
   * classifier); an artifact the class path lacks has none.
   */
  public List<Coordinates> natives(List<Coordinates> classpath) {
    List<Coordinates> natives = new ArrayList<>();
    for (Map.Entry<String, String> artifact : List.of(Map.entry("nd4j-native", "org.nd4j"),
        Map.entry("openblas", "org.bytedeco"), Map.entry("hdf5", "org.bytedeco"))) {
      String classifier = classifier(artifact.getKey());
      if (classifier == null) {
        continue;
      }
      classpath.stream().filter(c -> c.is(artifact.getValue(), artifact.getKey())).findFirst()
          .ifPresent(c -> natives.add(Coordinates.jar(c.groupId(), c.artifactId(), c.version())
              .classified(classifier)));
    }
    return natives;
  }

  /** The classifier of {@code artifactId}'s natives for this platform; null when it has none. */
  private String classifier(String artifactId) {
    boolean x86 = name.endsWith("-x86_64");
    return switch (artifactId) {
      case "nd4j-native" -> x86 ? name + "-onednn" : name;
      case "hdf5" -> name.equals("macosx-arm64") ? null : name;
      default -> name;
    };
  }
}
