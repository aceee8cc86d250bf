package dev.deepbuild.maven;

import dev.deepbuild.build.DeepBuildException;
import dev.deepbuild.build.fork.ForkGoal;
import dev.deepbuild.build.fork.ForkOptions;
import dev.deepbuild.build.fork.ForkRequest;
import dev.deepbuild.build.packaging.ModelPackaging;
import dev.deepbuild.build.report.CurveComparison;
import dev.deepbuild.build.report.Reports;
import dev.deepbuild.build.result.SessionResult;
import dev.deepbuild.build.result.SessionVerdict;
import dev.deepbuild.build.uptodate.OutcomeKey;
import dev.deepbuild.build.uptodate.StoredOutcome;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

/**
 * Trains and evaluates every model of the project in a forked JVM, fails the build when a model
 * misses one of its thresholds, and packages each model that passed into the class output at
 * {@code META-INF/deepbuild/<model>/model.zip}, so that the jar holds it. Bound to
 * {@code prepare-package} by default: after the tests, which fail faster, and before the jar is made.
 * Invoked alone ({@code mvn dl:train}) it compiles the project first. With {@code -Ddl.skip} it
 * trains nothing and packages each model's last saved model that passed. When nothing that could
 * change the session's outcome changed since the last build ({@link OutcomeKey}), it reports that
 * build's result without starting the training JVM.
 */
@Mojo(name = "train", defaultPhase = LifecyclePhase.PREPARE_PACKAGE,
    requiresDependencyResolution = ResolutionScope.RUNTIME, threadSafe = true)
public class TrainMojo extends AbstractGatingMojo {

  /** Trains every model again, even those whose saved model is up to date. */
  @Parameter(property = "dl.force", defaultValue = "false")
  private boolean force;

  /**
   * Whether the models that train share one training JVM. By default each model that trains gets
   * a JVM of its own, as Surefire's {@code reuseForks=false}: its memory figures are its own, not
   * what earlier models left, a crash or a timeout ends that model only, and the models that are
   * up to date are checked in the JVM that comes next. True saves a JVM's start (a few seconds)
   * per model trained.
   */
  @Parameter(property = "dl.reuseForks", defaultValue = "false")
  private boolean reuseForks;

  @Override
  ForkGoal goal() {
    return ForkGoal.TRAIN;
  }

  @Override
  ForkRequest request(ForkGoal goal) {
    return super.request(goal).withForce(force).withJvmPerModel(!reuseForks);
  }

  /**
   * The last build's verdict when its key is unchanged and its reports and packaged models are in
   * place; its whole result, reported and packaged again, when they are not; otherwise the fork's,
   * which decides per model by its fingerprint, kept with the key for the next build.
   */
  @Override
  void perform(ForkRequest request, ForkOptions options)
      throws MojoExecutionException, MojoFailureException {
    Path stored = StoredOutcome.fileIn(forkDirectory());
    Optional<OutcomeKey> inputs;
    try {
      inputs = force ? Optional.empty() : key(request, options);
      if (inputs.isPresent()) {
        OutcomeKey key = inputs.get().withSavedFiles(classesDirectory(), outputDirectory());
        List<String> changes = new ArrayList<>();
        Optional<SessionVerdict> reused = StoredOutcome.reuse(stored, key, changes);
        if (reused.isPresent()) {
          getLog().info("Nothing the models' outcome depends on changed since the last build ("
              + stored.getFileName() + "): its result stands, without starting the training JVM");
          if (Files.isRegularFile(outputDirectory().resolve("index.html"))
              && packaging().inPlace(reused.get())) {
            getLog().info("Reports and packaged models are as the last build left them");
            new ResultReporter(getLog(), haltOnFailure).report(reused.get());
            return;
          }
          Optional<SessionResult> result = StoredOutcome.result(stored, key);
          if (result.isPresent()) {
            handle(result.get());
            return;
          }
        }
        if (!changes.isEmpty()) {
          getLog().info("Changed since the last build: " + String.join(", ",
              changes.subList(0, Math.min(3, changes.size())))
              + (changes.size() > 3 ? " and " + (changes.size() - 3) + " more" : ""));
        }
      }
      StoredOutcome.forget(stored);
    } catch (IOException e) {
      throw new MojoExecutionException("Cannot tell whether the models are up to date: " + e, e);
    }
    SessionResult result = fork(request, options);
    if (inputs.isPresent()) {
      try {
        StoredOutcome.store(stored, inputs.get().withSavedFiles(classesDirectory(), outputDirectory()),
            result);
      } catch (IOException | DeepBuildException e) {
        getLog().warn("Cannot keep the result for the next build, which will start the training JVM"
            + " again: " + e.getMessage());
      }
    }
    handle(result);
  }

  /** Writes the reports, packages the models that passed, then reports the outcome. */
  @Override
  void handle(SessionResult result) throws MojoExecutionException, MojoFailureException {
    // Before the outcome can fail the build: a failed build needs its reports most, and the models
    // that passed belong in the class output even when another one missed.
    CurveComparison.lines(result).forEach(getLog()::info);
    try {
      getLog().info("Reports: " + Reports.write(outputDirectory(), result, accepted()));
    } catch (IOException e) {
      throw new MojoExecutionException("Cannot write the reports to " + outputDirectory() + ": " + e, e);
    }
    try {
      packaging().afterTraining(result);
    } catch (IOException e) {
      throw cannotPackage(e);
    }
    new ResultReporter(getLog(), haltOnFailure).report(result);
  }

  @Override
  void withoutFork() throws MojoExecutionException {
    try {
      packaging().lastPassed();
    } catch (IOException e) {
      throw cannotPackage(e);
    } catch (DeepBuildException e) {
      throw new MojoExecutionException(e.getMessage(), e);
    }
  }

  private ModelPackaging packaging() {
    return new ModelPackaging(outputDirectory(), classesDirectory(), getLog()::info, getLog()::warn);
  }

  private MojoExecutionException cannotPackage(IOException e) {
    return new MojoExecutionException("Cannot package the models into " + classesDirectory() + ": " + e, e);
  }
}
