package dev.deepbuild.maven.backend;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.maven.plugin.MojoExecutionException;

/**
 * What the Spark job jar holds of the training JVM's class path on the {@code spark} backend:
 * the project's classes, and every jar but those a Spark cluster provides (its {@code jars}
 * folder: the dependency graph of Spark's core, in any version, as if Spark were {@code provided})
 * and the build machine's natives, which the executors' platform's replace. A jar that is no
 * artifact (the no-op SLF4J binding the plugin adds) stays out: the cluster logs through its own.
 */
public final class JobJarClasspath {
  private final ArtifactResolver resolver;

  /**
   * @param classpath the job jar's elements, in class-path order
   * @param provided how many jars of the training class path the cluster provides
   */
  public record Result(List<Path> classpath, int provided) {}

  public JobJarClasspath(ArtifactResolver resolver) {
    this.resolver = resolver;
  }

  /**
   * @param training the training JVM's class path on the spark backend
   * @param clusterProvides the artifact whose dependency graph a cluster provides, {@code
   *     org.apache.spark:spark-core_2.12} of the backend's Spark version
   * @throws MojoExecutionException when a graph or an artifact cannot be resolved
   */
  public Result of(List<ClasspathArtifact> training, Coordinates clusterProvides,
      NativePlatform platform) throws MojoExecutionException {
    Set<String> provided = resolver.dependencyGraph(clusterProvides).stream()
        .map(c -> c.groupId() + ":" + c.artifactId()).collect(Collectors.toSet());
    List<Path> classpath = new ArrayList<>();
    List<Coordinates> natives = new ArrayList<>();
    int left = 0;
    for (ClasspathArtifact element : training) {
      Coordinates artifact = element.coordinates();
      if (artifact == null) {
        if (Files.isDirectory(element.file())) {
          classpath.add(element.file());
        }
      } else if (provided.contains(artifact.groupId() + ":" + artifact.artifactId())) {
        left++;
      } else if (platform.isNatives(artifact)) {
        natives.add(artifact);
      } else {
        classpath.add(element.file());
      }
    }
    List<Coordinates> wanted = platform.natives(training.stream()
        .map(ClasspathArtifact::coordinates).filter(c -> c != null).toList());
    for (Coordinates coordinates : wanted) {
      // The build machine's own natives, when they are the platform's, need no resolving.
      if (natives.contains(coordinates)) {
        classpath.add(file(training, coordinates));
      }
    }
    List<Coordinates> missing = wanted.stream().filter(c -> !natives.contains(c)).toList();
    if (!missing.isEmpty()) {
      resolver.resolve(missing, false).forEach(artifact -> classpath.add(artifact.file()));
    }
    return new Result(classpath, left);
  }

  private static Path file(List<ClasspathArtifact> training, Coordinates coordinates) {
    return training.stream().filter(e -> coordinates.equals(e.coordinates())).findFirst()
        .orElseThrow().file();
  }
}
