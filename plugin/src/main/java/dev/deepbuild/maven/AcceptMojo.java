package dev.deepbuild.maven;

import dev.deepbuild.build.fork.ForkGoal;
import dev.deepbuild.build.result.SessionResult;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Execute;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.ResolutionScope;

/**
 * Accepts the current metrics of the models {@code dl:train} saved: writes each one's metrics
 * into the accepted metrics file ({@code src/deepbuild/accepted-metrics.json} by default,
 * {@code -Ddl.acceptedMetrics}), which thresholds with a {@code maxRegression} compare later builds
 * with. Only a model whose saved model is up to date and meets its thresholds is accepted; its
 * regression tolerances are not checked, since accepting records a deliberate change. Trains
 * nothing: run {@code mvn dl:train dl:accept}.
 */
@Mojo(name = "accept", requiresDependencyResolution = ResolutionScope.RUNTIME, threadSafe = true)
@Execute(phase = LifecyclePhase.PROCESS_CLASSES)
public class AcceptMojo extends AbstractGatingMojo {

  @Override
  ForkGoal goal() {
    return ForkGoal.ACCEPT;
  }

  @Override
  void handle(SessionResult result) throws MojoExecutionException, MojoFailureException {
    // The fork logged what it accepted; a model it could not accept fails the build as an error.
    new ResultReporter(getLog(), true, ResultReporter.NO_HEADLINE).report(result);
  }
}
