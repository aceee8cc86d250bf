package dev.deepbuild.maven.backend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.maven.plugin.MojoExecutionException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the Spark job jar takes of the training class path: no Spark, the executors' natives. */
class JobJarClasspathTest {
  private static final Coordinates SPARK_CORE =
      Coordinates.jar("org.apache.spark", "spark-core_2.12", "3.5.3");

  @TempDir Path dir;

  /** Answers Spark's graph as a cluster's jars folder holds it, and resolves natives by name. */
  private static final class ClusterResolver implements ArtifactResolver {
    final List<Coordinates> asked = new ArrayList<>();

    @Override
    public List<ClasspathArtifact> resolve(List<Coordinates> roots, boolean transitive) {
      asked.addAll(roots);
      return roots.stream().map(root -> new ClasspathArtifact(root, file(root))).toList();
    }

    @Override
    public List<Coordinates> dependencyGraph(Coordinates root) {
      assertEquals(SPARK_CORE, root);
      return List.of(SPARK_CORE, Coordinates.jar("org.scala-lang", "scala-library", "2.12.18"),
          Coordinates.jar("com.fasterxml.jackson.core", "jackson-databind", "2.15.2"),
          Coordinates.jar("org.apache.hadoop", "hadoop-client-api", "3.3.4"));
    }
  }

  @Test
  void leavesOutWhatSparkProvidesAndKeepsTheBuildMachinesNativesForItsOwnPlatform()
      throws IOException, MojoExecutionException {
    Path classes = Files.createDirectories(dir.resolve("classes"));
    List<ClasspathArtifact> training = training(classes, "linux-x86_64");
    ClusterResolver resolver = new ClusterResolver();

    JobJarClasspath.Result result = new JobJarClasspath(resolver)
        .of(training, SPARK_CORE, NativePlatform.named("linux-x86_64"));

    assertEquals(List.of(classes, path("deepbuild-runtime"), path("nd4j-native"),
        path("deepbuild-spark"), path("nd4j-native-linux-x86_64-onednn"),
        path("openblas-linux-x86_64")), result.classpath());
    assertEquals(4, result.provided(), "spark-core, scala-library, Jackson in another version, Hadoop");
    assertTrue(resolver.asked.isEmpty(), resolver.asked.toString());
  }

  @Test
  void anotherPlatformsNativesReplaceTheBuildMachines() throws IOException, MojoExecutionException {
    Path classes = Files.createDirectories(dir.resolve("classes"));
    ClusterResolver resolver = new ClusterResolver();

    JobJarClasspath.Result result = new JobJarClasspath(resolver)
        .of(training(classes, "linux-x86_64"), SPARK_CORE, NativePlatform.named("linux-arm64"));

    assertEquals(List.of(new Coordinates("org.nd4j", "nd4j-native", "1.0.0-M2.1", "linux-arm64"),
        new Coordinates("org.bytedeco", "openblas", "0.3.19-1.5.7", "linux-arm64")), resolver.asked);
    assertEquals(path("nd4j-native-linux-arm64"), result.classpath().get(result.classpath().size() - 2));
  }

  @Test
  void anUnknownPlatformNamesTheOnesThereAre() {
    MojoExecutionException e = assertThrows(MojoExecutionException.class,
        () -> NativePlatform.named("linux-x86-64"));
    assertEquals("dl.spark.platform is 'linux-x86-64', which names no platform DeepBuild's runtime"
        + " has natives for; set <sparkPlatform> (-Ddl.spark.platform) to the executors' platform,"
        + " one of linux-x86_64, linux-arm64, macosx-x86_64, macosx-arm64, windows-x86_64."
        + " Did you mean linux-x86_64?", e.getMessage());
  }

  private static List<ClasspathArtifact> training(Path classes, String platform) {
    return List.of(new ClasspathArtifact(null, classes),
        artifact("dev.deepbuild", "deepbuild-runtime", "0.1.0", ""),
        artifact("org.nd4j", "nd4j-native", "1.0.0-M2.1", ""),
        artifact("org.nd4j", "nd4j-native", "1.0.0-M2.1", platform + "-onednn"),
        artifact("org.bytedeco", "openblas", "0.3.19-1.5.7", platform),
        // The plugin's own SLF4J binding, no artifact of the project: the cluster logs its own way.
        new ClasspathArtifact(null, Path.of("plugin/slf4j-nop.jar")),
        artifact("com.fasterxml.jackson.core", "jackson-databind", "2.17.2", ""),
        artifact("dev.deepbuild", "deepbuild-spark", "0.1.0", ""),
        artifact("org.apache.spark", "spark-core_2.12", "3.5.3", ""),
        artifact("org.scala-lang", "scala-library", "2.12.18", ""),
        artifact("org.apache.hadoop", "hadoop-client-api", "3.3.4", ""));
  }

  private static ClasspathArtifact artifact(String group, String id, String version, String classifier) {
    Coordinates coordinates = new Coordinates(group, id, version, classifier);
    return new ClasspathArtifact(coordinates, file(coordinates));
  }

  private static Path file(Coordinates c) {
    return path(c.artifactId() + (c.classifier().isEmpty() ? "" : "-" + c.classifier()));
  }

  private static Path path(String name) {
    return Path.of("repo", name + ".jar");
  }
}
