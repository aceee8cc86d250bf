package dev.deepbuild.maven;

import dev.deepbuild.build.spark.Spark;
import dev.deepbuild.maven.backend.Backend;
import dev.deepbuild.maven.backend.BackendClasspath;
import dev.deepbuild.maven.backend.BackendOptions;
import dev.deepbuild.maven.backend.ClasspathArtifact;
import dev.deepbuild.maven.backend.Coordinates;
import dev.deepbuild.maven.backend.JobJarClasspath;
import dev.deepbuild.maven.backend.Machine;
import dev.deepbuild.maven.backend.MavenArtifactResolver;
import dev.deepbuild.maven.backend.NativePlatform;
import dev.deepbuild.maven.backend.ParallelTraining;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import dev.deepbuild.resources.ModelResources;
import org.apache.maven.artifact.Artifact;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.lifecycle.LifecycleExecutor;
import org.apache.maven.plugin.MojoExecution;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.Component;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;
import org.eclipse.aether.RepositorySystem;
import org.eclipse.aether.RepositorySystemSession;
import org.eclipse.aether.repository.RemoteRepository;

/**
 * What every DeepBuild goal shares: the project, whether it has models to work on, and the
 * parameters that choose what the training JVM computes on: the ND4J backend ({@link
 * Backend}) and the number of model replicas. They change the fork's class path and system
 * properties only; the user's pom stays as it is.
 */
abstract class BackendSelectingMojo extends AbstractMojo {

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

  /**
   * The ND4J backend the models train on: {@code cpu} (the default, nd4j-native as the project's
   * dependencies bring it) or {@code cuda} (nd4j-cuda-11.6 with cuDNN on an NVIDIA GPU, on Linux
   * or Windows on x86-64), which the plugin resolves and puts on the training JVM's class path in
   * place of nd4j-native, or {@code spark} (each epoch trained by DL4J's Spark parameter averaging
   * on {@code dl.spark.master}, with {@code deepbuild-spark} and Spark resolved from the project's
   * repositories).
   */
  @Parameter(property = "dl.backend", defaultValue = "cpu")
  private String backend;

  /**
   * Spark's master URL for {@code dl.backend=spark}: {@code local[*]} runs Spark in the forked JVM
   * with one worker per core; {@code spark://host:7077} trains on a standalone cluster (client
   * mode: the forked JVM is the driver), whose executors get the project from the job jar the
   * plugin writes first, as {@code dl:spark-jar} does.
   */
  @Parameter(property = "dl.spark.master", defaultValue = "local[*]")
  private String sparkMaster;

  /**
   * The platform of the Spark executors' machines, whose natives the job jar carries ({@code
   * dl:spark-jar}, and {@code dl:train} with a master whose executors run in JVMs of their own):
   * {@code linux-x86_64}, {@code linux-arm64}, {@code macosx-x86_64}, {@code macosx-arm64} or
   * {@code windows-x86_64}.
   */
  @Parameter(property = "dl.spark.platform", defaultValue = NativePlatform.DEFAULT)
  private String sparkPlatform;

  /** For {@code dl.backend=spark}: minibatches each worker fits between two averagings. */
  @Parameter(property = "dl.spark.averagingFrequency", defaultValue = "5")
  private int sparkAveragingFrequency;

  @Parameter(defaultValue = "${plugin.version}", readonly = true, required = true)
  private String pluginVersion;

  /**
   * With {@code cuda}: also put CUDA's own libraries on the class path (the {@code -redist} jar,
   * about 1.8 GB), for a machine with the NVIDIA driver but without CUDA 11.6 installed.
   */
  @Parameter(property = "dl.cudaRedist", defaultValue = "false")
  private boolean cudaRedist;

  /**
   * The number of replicas of each model trained at once, their parameters averaged after every
   * minibatch each (DL4J's ParallelWrapper); 1 (the default) trains one model. On a few cores
   * the native backend's own threads ({@code dl.ompThreads}) compete with the replicas.
   */
  @Parameter(property = "dl.workers", defaultValue = "1")
  private int workers;

  /**
   * Reuse a model saved by a build on another backend (trained on a GPU, built now on a CPU, or
   * the other way round) when nothing else changed; by default the backend is part of the
   * fingerprint, since the backends' results differ in their last bits.
   */
  @Parameter(property = "dl.anyBackend", defaultValue = "false")
  private boolean reuseAcrossBackends;

  @Parameter(defaultValue = "${repositorySystemSession}", readonly = true, required = true)
  private RepositorySystemSession repositorySession;

  @Parameter(defaultValue = "${project.remoteProjectRepositories}", readonly = true, required = true)
  private List<RemoteRepository> remoteRepositories;

  @Component
  private RepositorySystem repositorySystem;

  /**
   * Whether the goal has models to work on: compiles the project first when the goal was invoked
   * alone ({@link CompileFirst}); false, having logged why, with {@code dl.skip} or in a project
   * without {@code @Model} classes.
   */
  final boolean hasModelsToWorkOn() throws MojoExecutionException {
    CompileFirst.whenInvokedAlone(mojoExecution, session, lifecycleExecutor);
    if (skip) {
      getLog().info("Skipping DeepBuild: dl.skip is set");
      return false;
    }
    if (!Files.isRegularFile(classesDirectory().resolve(ModelResources.INDEX))) {
      getLog().info("Skipping DeepBuild: no @Model classes in " + project.getArtifactId());
      return false;
    }
    return true;
  }

  final MavenProject project() {
    return project;
  }

  /** The project's class output, {@code target/classes}. */
  final Path classesDirectory() {
    return Path.of(project.getBuild().getOutputDirectory());
  }

  /** The project's runtime class path for the training JVM, before the backend's changes. */
  final List<Path> projectClasspath() throws MojoExecutionException {
    return ForkClasspath.of(project, pluginArtifacts);
  }

  /**
   * The training JVM's {@code classpath} on the chosen backend; adds the backend's system
   * properties and JVM options to {@code jvmArguments}. Training on Spark with a master whose
   * executors run in JVMs of their own ({@link Spark#runsInDriver}) first writes the job jar they
   * load the project, DeepBuild and DL4J from ({@link #sparkJobJar}).
   *
   * @param trains whether the training JVM trains, and so may start Spark
   * @throws MojoExecutionException when the machine cannot run the backend, or an artifact cannot
   *     be resolved
   */
  List<Path> onBackend(MavenProject project, List<Path> classpath, List<String> jvmArguments,
      boolean trains) throws MojoExecutionException {
    Backend chosen = backend();
    List<ClasspathArtifact> elements = backendClasspath(chosen)
        .elements(classpath, artifacts(project), ParallelTraining.artifacts(workers));
    List<Path> swapped = elements.stream().map(ClasspathArtifact::file).toList();
    jvmArguments.addAll(backendProperties());
    if (chosen.trainsOnSpark()) {
      SparkFork spark = SparkFork.of(swapped);
      Optional<Path> jobJar = Optional.empty();
      if (trains && !Spark.runsInDriver(sparkMaster)) {
        getLog().info("Spark's master " + sparkMaster + " starts executors of their own: they"
            + " load the project from the job jar");
        jobJar = Optional.of(writeJobJar(project, elements, spark));
      }
      jvmArguments.addAll(spark.jvmArguments(sparkMaster, sparkAveragingFrequency, jobJar));
    }
    return swapped;
  }

  /**
   * Writes the Spark job jar of {@code project}, whose training class path on any backend is
   * {@code classpath}: what the training JVM's class path on the {@code spark} backend holds but a
   * cluster does not, with the natives of {@code dl.spark.platform}.
   *
   * @return the jar, {@code target/<artifactId>-<version>-spark-job.jar}
   * @throws MojoExecutionException when an artifact cannot be resolved or the jar written
   */
  Path sparkJobJar(MavenProject project, List<Path> classpath) throws MojoExecutionException {
    List<ClasspathArtifact> elements = backendClasspath(Backend.SPARK)
        .elements(classpath, artifacts(project), List.of());
    return writeJobJar(project, elements,
        SparkFork.of(elements.stream().map(ClasspathArtifact::file).toList()));
  }

  private Path writeJobJar(MavenProject project, List<ClasspathArtifact> elements, SparkFork spark)
      throws MojoExecutionException {
    Path target = Path.of(project.getBuild().getDirectory())
        .resolve(Spark.jobJarName(project.getArtifactId(), project.getVersion()));
    JobJarClasspath.Result content = new JobJarClasspath(resolver())
        .of(elements, spark.clusterProvides(), NativePlatform.named(sparkPlatform));
    return SparkJobJar.write(target, content, sparkPlatform, getLog());
  }

  private BackendClasspath backendClasspath(Backend chosen) {
    return new BackendClasspath(chosen, Machine.current(),
        new BackendOptions(cudaRedist, pluginVersion), resolver());
  }

  private MavenArtifactResolver resolver() {
    return new MavenArtifactResolver(repositorySystem, repositorySession, remoteRepositories);
  }

  private static List<ClasspathArtifact> artifacts(MavenProject project) {
    List<ClasspathArtifact> artifacts = new ArrayList<>();
    for (Artifact artifact : project.getArtifacts()) {
      if (artifact.getFile() != null) {
        artifacts.add(new ClasspathArtifact(new Coordinates(artifact.getGroupId(),
            artifact.getArtifactId(), artifact.getBaseVersion(), artifact.getClassifier()),
            artifact.getFile().toPath()));
      }
    }
    return artifacts;
  }

  /**
   * The system properties that tell the training JVM the backend it must find (it fails when ND4J
   * loaded another), the replicas and whether a model from another backend may be reused.
   */
  private List<String> backendProperties() throws MojoExecutionException {
    Backend chosen = backend();
    List<String> properties = new ArrayList<>(List.of("-Ddeepbuild.backend=" + chosen.value(),
        "-Ddeepbuild.backend.nd4j=" + chosen.nd4jName()));
    if (workers > 1) {
      properties.add("-Ddeepbuild.workers=" + workers);
    }
    if (reuseAcrossBackends) {
      properties.add("-Ddeepbuild.anyBackend=true");
    }
    return properties;
  }

  private Backend backend() throws MojoExecutionException {
    return Backend.named(backend);
  }
}
