package dev.deepbuild.maven;

import dev.deepbuild.build.fork.ForkGoal;
import dev.deepbuild.build.result.SessionResult;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.ResolutionScope;

/**
 * Prints a Keras-like summary of each model (layers, output shapes, parameter counts and totals)
 * without training. A model whose data cannot be read fails the build as {@code dl:train} would.
 * Bound to {@code process-classes} by default; invoked alone ({@code mvn dl:summary}) it compiles
 * the project first.
 */
@Mojo(name = "summary", defaultPhase = LifecyclePhase.PROCESS_CLASSES,
    requiresDependencyResolution = ResolutionScope.RUNTIME, threadSafe = true)
public class SummaryMojo extends AbstractForkingMojo {

  @Override
  ForkGoal goal() {
    return ForkGoal.SUMMARY;
  }

  @Override
  void handle(SessionResult result) throws MojoExecutionException, MojoFailureException {
    // The fork printed the tables; a summary checks no thresholds, so only errors remain.
    new ResultReporter(getLog(), true, ResultReporter.NO_HEADLINE).report(result);
  }
}
