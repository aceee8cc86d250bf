package dev.deepbuild.maven;

import dev.deepbuild.build.spark.Spark;
import java.nio.file.Path;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.ResolutionScope;

/**
 * Writes the project's Spark job jar, {@code target/<artifactId>-<version>-spark-job.jar}, for
 * {@code spark-submit --class dev.deepbuild.spark.SparkJob} on a cluster: the project's classes and
 * resources with every jar of its training class path on the {@code spark} backend that a Spark
 * cluster does not provide (DeepBuild's runtime and Spark backend, DL4J, ND4J with the natives of
 * {@code dl.spark.platform}), merged into one. Bound to {@code package} by default; invoked alone
 * ({@code mvn dl:spark-jar}) it compiles the project first.
 */
@Mojo(name = "spark-jar", defaultPhase = LifecyclePhase.PACKAGE,
    requiresDependencyResolution = ResolutionScope.RUNTIME, threadSafe = true)
public class SparkJarMojo extends BackendSelectingMojo {

  @Override
  public void execute() throws MojoExecutionException {
    if (!hasModelsToWorkOn()) {
      return;
    }
    Path jar = sparkJobJar(project(), projectClasspath());
    getLog().info("Train its models on a cluster with: spark-submit --master <master> --class "
        + Spark.JOB_MAIN_CLASS + " " + project().getBasedir().toPath().relativize(jar)
        + " [model...] --output target/deepbuild");
  }
}
