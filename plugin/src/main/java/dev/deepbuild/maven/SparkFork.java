package dev.deepbuild.maven;

import dev.deepbuild.build.spark.Spark;
import dev.deepbuild.maven.backend.Coordinates;
import java.io.IOException;
import java.io.InputStream;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import org.apache.maven.plugin.MojoExecutionException;

/**
 * What the training JVM needs besides its class path for the {@code spark} backend, whose
 * {@code deepbuild-spark} (with Spark and DL4J's Spark modules) the backend put on that class
 * path: the JVM options the module names for Spark on Java 17, and the system properties that
 * select the backend and its settings; and what the module says a cluster provides, which the
 * job jar leaves out.
 */
final class SparkFork {
  private static final String OPTIONS = "META-INF/deepbuild/spark.properties";

  private final Properties properties;

  private SparkFork(Properties properties) {
    this.properties = properties;
  }

  /**
   * The properties of the {@code deepbuild-spark} on {@code classpath}.
   *
   * @throws MojoExecutionException when the class path has none
   */
  static SparkFork of(List<Path> classpath) throws MojoExecutionException {
    Properties properties = new Properties();
    try (URLClassLoader loader = new URLClassLoader(urls(classpath), null);
        InputStream in = loader.getResourceAsStream(OPTIONS)) {
      if (in == null) {
        throw new MojoExecutionException("The training JVM's class path has no " + OPTIONS
            + ": it lacks a deepbuild-spark of this plugin's version");
      }
      properties.load(in);
    } catch (IOException e) {
      throw new MojoExecutionException("Cannot read " + OPTIONS + " of deepbuild-spark: " + e, e);
    }
    return new SparkFork(properties);
  }

  /**
   * @param master Spark's master URL ({@code dl.spark.master})
   * @param averagingFrequency minibatches per worker between averagings ({@code dl.spark.averagingFrequency})
   * @param jobJar the jar Spark ships to executors of their own; empty when they run in the driver
   */
  List<String> jvmArguments(String master, int averagingFrequency, Optional<Path> jobJar) {
    List<String> arguments = new ArrayList<>(jvmOptions());
    arguments.add("-Ddeepbuild.training.backend=" + Spark.BACKEND);
    arguments.add("-Ddeepbuild.spark.master=" + master);
    arguments.add("-Ddeepbuild.spark.averagingFrequency=" + averagingFrequency);
    jobJar.ifPresent(jar -> arguments.add("-D" + Spark.JARS_PROPERTY + "=" + jar.toAbsolutePath()));
    return arguments;
  }

  /** The JVM options deepbuild-spark's properties name, one a word. */
  List<String> jvmOptions() {
    String options = properties.getProperty("jvmOptions", "").strip();
    return options.isEmpty() ? List.of() : List.of(options.split("\\s+"));
  }

  /** The artifact whose dependency graph a Spark cluster provides, Spark's core. */
  Coordinates clusterProvides() throws MojoExecutionException {
    String[] parts = properties.getProperty("clusterProvides", "").strip().split(":");
    if (parts.length != 3) {
      throw new MojoExecutionException(OPTIONS + " of deepbuild-spark names no clusterProvides"
          + " (groupId:artifactId:version): it is not of this plugin's version");
    }
    return Coordinates.jar(parts[0], parts[1], parts[2]);
  }

  private static URL[] urls(List<Path> classpath) throws MalformedURLException {
    URL[] urls = new URL[classpath.size()];
    for (int i = 0; i < urls.length; i++) {
      urls[i] = classpath.get(i).toUri().toURL();
    }
    return urls;
  }
}
