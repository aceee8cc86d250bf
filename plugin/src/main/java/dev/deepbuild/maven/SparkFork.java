package dev.deepbuild.maven;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import org.apache.maven.artifact.Artifact;
import org.apache.maven.plugin.MojoExecutionException;
import org.eclipse.aether.RepositorySystem;
import org.eclipse.aether.RepositorySystemSession;
import org.eclipse.aether.artifact.DefaultArtifact;
import org.eclipse.aether.collection.CollectRequest;
import org.eclipse.aether.graph.Dependency;
import org.eclipse.aether.repository.RemoteRepository;
import org.eclipse.aether.resolution.ArtifactResult;
import org.eclipse.aether.resolution.DependencyRequest;
import org.eclipse.aether.resolution.DependencyResolutionException;

/**
 * What the training JVM needs for the {@code spark} backend: {@code dev.deepbuild:deepbuild-spark}
 * of the plugin's version with Spark and DL4J's Spark modules, resolved from the project's own
 * repositories, after the project's class path (whose artifacts win over the same ones at
 * another version); the JVM options the module names for Spark on Java 17; and the system
 * properties that select the backend and its settings.
 *
 * @param classpath the elements to append to the project's class path
 * @param jvmArguments the options and {@code -D} properties to add
 */
record SparkFork(List<Path> classpath, List<String> jvmArguments) {
  static final String BACKEND = "spark";
  static final String ARTIFACT = "dev.deepbuild:deepbuild-spark";
  private static final String OPTIONS = "META-INF/deepbuild/spark.properties";

  /**
   * @param version the plugin's version, which is deepbuild-spark's
   * @param onClasspath the project's artifacts already on the class path
   * @param master Spark's master URL ({@code dl.spark.master})
   * @param averagingFrequency minibatches per worker between averagings ({@code dl.spark.averagingFrequency})
   */
  static SparkFork resolve(RepositorySystem system, RepositorySystemSession session,
      List<RemoteRepository> repositories, String version, Set<Artifact> onClasspath,
      String master, int averagingFrequency) throws MojoExecutionException {
    List<ArtifactResult> resolved = resolveModule(system, session, repositories, version);
    Set<String> present = new HashSet<>();
    onClasspath.forEach(a -> present.add(key(a.getGroupId(), a.getArtifactId(), a.getClassifier())));
    List<Path> classpath = new ArrayList<>();
    Path module = null;
    for (ArtifactResult result : resolved) {
      org.eclipse.aether.artifact.Artifact artifact = result.getArtifact();
      Path file = artifact.getFile().toPath();
      if ((artifact.getGroupId() + ":" + artifact.getArtifactId()).equals(ARTIFACT)) {
        module = file;
      }
      if (present.add(key(artifact.getGroupId(), artifact.getArtifactId(), artifact.getClassifier()))) {
        classpath.add(file);
      }
    }
    if (module == null) {
      throw new MojoExecutionException("Resolving " + ARTIFACT + ":" + version + " gave no such artifact");
    }
    List<String> arguments = new ArrayList<>(jvmOptions(module));
    arguments.add("-Ddeepbuild.training.backend=" + BACKEND);
    arguments.add("-Ddeepbuild.spark.master=" + master);
    arguments.add("-Ddeepbuild.spark.averagingFrequency=" + averagingFrequency);
    return new SparkFork(List.copyOf(classpath), List.copyOf(arguments));
  }

  private static List<ArtifactResult> resolveModule(RepositorySystem system,
      RepositorySystemSession session, List<RemoteRepository> repositories, String version)
      throws MojoExecutionException {
    // The session's selector leaves out test, provided and optional dependencies below the root,
    // as Maven does for a project's dependencies. (Maven does not export resolver-util to plugins.)
    CollectRequest collect = new CollectRequest(
        new Dependency(new DefaultArtifact(ARTIFACT + ":" + version), "runtime"), repositories);
    try {
      return system.resolveDependencies(session, new DependencyRequest(collect, null))
          .getArtifactResults();
    } catch (DependencyResolutionException e) {
      throw new MojoExecutionException("dl.backend=spark needs " + ARTIFACT + ":" + version
          + " with Spark, which could not be resolved from the project's repositories: "
          + e.getMessage() + ". Check the network or the repositories of settings.xml, or choose"
          + " another dl.backend", e);
    }
  }

  /** The JVM options deepbuild-spark's properties name, one a word. */
  private static List<String> jvmOptions(Path module) throws MojoExecutionException {
    Properties properties = new Properties();
    try (URLClassLoader loader = new URLClassLoader(new URL[] {module.toUri().toURL()}, null);
        InputStream in = loader.getResourceAsStream(OPTIONS)) {
      if (in == null) {
        throw new MojoExecutionException(module + " has no " + OPTIONS
            + "; it is not a deepbuild-spark of this plugin's version");
      }
      properties.load(in);
    } catch (IOException e) {
      throw new MojoExecutionException("Cannot read " + OPTIONS + " from " + module + ": " + e, e);
    }
    String options = properties.getProperty("jvmOptions", "").strip();
    return options.isEmpty() ? List.of() : List.of(options.split("\\s+"));
  }

  private static String key(String groupId, String artifactId, String classifier) {
    return groupId + ":" + artifactId + ":" + (classifier == null ? "" : classifier);
  }
}
