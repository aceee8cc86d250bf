package dev.deepbuild.maven;

import java.io.IOException;
import java.io.InputStream;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.apache.maven.plugin.MojoExecutionException;

/**
 * What the training JVM needs besides its class path for the {@code spark} backend, whose
 * {@code deepbuild-spark} (with Spark and DL4J's Spark modules) the backend put on that class
 * path: the JVM options the module names for Spark on Java 17, and the system properties that
 * select the backend and its settings.
 */
final class SparkFork {
  static final String BACKEND = "spark";
  private static final String OPTIONS = "META-INF/deepbuild/spark.properties";

  private SparkFork() {}

  /**
   * @param classpath the training JVM's class path, {@code deepbuild-spark} on it
   * @param master Spark's master URL ({@code dl.spark.master})
   * @param averagingFrequency minibatches per worker between averagings ({@code dl.spark.averagingFrequency})
   */
  static List<String> jvmArguments(List<Path> classpath, String master, int averagingFrequency)
      throws MojoExecutionException {
    List<String> arguments = new ArrayList<>(jvmOptions(classpath));
    arguments.add("-Ddeepbuild.training.backend=" + BACKEND);
    arguments.add("-Ddeepbuild.spark.master=" + master);
    arguments.add("-Ddeepbuild.spark.averagingFrequency=" + averagingFrequency);
    return arguments;
  }

  /** The JVM options deepbuild-spark's properties name, one a word. */
  private static List<String> jvmOptions(List<Path> classpath) throws MojoExecutionException {
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
    String options = properties.getProperty("jvmOptions", "").strip();
    return options.isEmpty() ? List.of() : List.of(options.split("\\s+"));
  }

  private static URL[] urls(List<Path> classpath) throws MalformedURLException {
    URL[] urls = new URL[classpath.size()];
    for (int i = 0; i < urls.length; i++) {
      urls[i] = classpath.get(i).toUri().toURL();
    }
    return urls;
  }
}
