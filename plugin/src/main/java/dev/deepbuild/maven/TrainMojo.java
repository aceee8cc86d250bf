package dev.deepbuild.maven;

import dev.deepbuild.runtime.fork.ForkGoal;
import dev.deepbuild.runtime.fork.ForkRequest;
import dev.deepbuild.runtime.report.Reports;
import dev.deepbuild.runtime.session.SessionResult;
import java.io.IOException;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Execute;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

/**
 * Trains and evaluates every model of the project in a forked JVM, then fails the build when a
 * model misses one of its thresholds. Compiles the project first, so {@code mvn dl:train} works on
 * its own.
 */
@Mojo(name = "train", requiresDependencyResolution = ResolutionScope.RUNTIME, threadSafe = true)
@Execute(phase = LifecyclePhase.PROCESS_CLASSES)
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
    // Before the outcome can fail the build: a failed build needs its reports most.
    try {
      getLog().info("Reports: " + Reports.write(outputDirectory(), result, accepted()));
    } catch (IOException e) {
      throw new MojoExecutionException("Cannot write the reports to " + outputDirectory() + ": " + e, e);
    }
    new ResultReporter(getLog(), haltOnFailure).report(result);
  }
}
