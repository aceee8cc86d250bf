package dev.deepbuild.maven;

import dev.deepbuild.build.DeepBuildException;
import dev.deepbuild.build.fork.ForkGoal;
import dev.deepbuild.build.fork.ForkRequest;
import dev.deepbuild.build.packaging.ModelPackaging;
import dev.deepbuild.build.report.Reports;
import dev.deepbuild.build.result.SessionResult;
import java.io.IOException;
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
 * trains nothing and packages each model's last saved model that passed.
 */
@Mojo(name = "train", defaultPhase = LifecyclePhase.PREPARE_PACKAGE,
    requiresDependencyResolution = ResolutionScope.RUNTIME, threadSafe = true)
public class TrainMojo extends AbstractGatingMojo {

  /** Trains every model again, even those whose saved model is up to date. */
  @Parameter(property = "dl.force", defaultValue = "false")
  private boolean force;

  @Override
  ForkGoal goal() {
    return ForkGoal.TRAIN;
  }

  @Override
  ForkRequest request(ForkGoal goal) {
    return super.request(goal).withForce(force);
  }

  @Override
  void handle(SessionResult result) throws MojoExecutionException, MojoFailureException {
    // Before the outcome can fail the build: a failed build needs its reports most, and the models
    // that passed belong in the class output even when another one missed.
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
