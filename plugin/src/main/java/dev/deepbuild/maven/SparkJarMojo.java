package dev.deepbuild.maven;

import dev.deepbuild.build.spark.Spark;
import dev.deepbuild.resources.ModelResources;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.maven.artifact.Artifact;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.lifecycle.LifecycleExecutor;
import org.apache.maven.plugin.MojoExecution;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.Component;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;
import org.apache.maven.project.MavenProject;

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

  @Parameter(defaultValue = "${project}", readonly = true, required = true)
  private MavenProject project;

  @Parameter(defaultValue = "${plugin.artifacts}", readonly = true, required = true)
  private List<Artifact> pluginArtifacts;

  @Parameter(defaultValue = "${session}", readonly = true, required = true)
  private MavenSession session;

  @Parameter(defaultValue = "${mojoExecution}", readonly = true, required = true)
  private MojoExecution mojoExecution;

  @Component
  private LifecycleExecutor lifecycleExecutor;

  /** Skips DeepBuild's goals. */
  @Parameter(property = "dl.skip", defaultValue = "false")
  private boolean skip;

  @Override
  public void execute() throws MojoExecutionException {
    CompileFirst.whenInvokedAlone(mojoExecution, session, lifecycleExecutor);
    if (skip) {
      getLog().info("Skipping DeepBuild: dl.skip is set");
      return;
    }
    Path classes = Path.of(project.getBuild().getOutputDirectory());
    if (!Files.isRegularFile(classes.resolve(ModelResources.INDEX))) {
      getLog().info("Skipping DeepBuild: no @Model classes in " + project.getArtifactId());
      return;
    }
    Path jar = sparkJobJar(project, ForkClasspath.of(project, pluginArtifacts));
    getLog().info("Train its models on a cluster with: spark-submit --master <master> --class "
        + Spark.JOB_MAIN_CLASS + " " + project.getBasedir().toPath().relativize(jar)
        + " [model...] --output target/deepbuild");
  }
}
