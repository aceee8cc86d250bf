package dev.deepbuild.maven;

import dev.deepbuild.build.fork.ForkGoal;
import dev.deepbuild.build.fork.ForkRequest;
import dev.deepbuild.build.result.SessionResult;
import java.io.File;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

/**
 * Evaluates the models {@code dl:train} saved on their test data, or on another CSV file, and
 * fails the build when a model misses one of its thresholds, without training anything.
 * Thresholds on other splits are checked against the values training saved. Bound to {@code verify}
 * by default; invoked alone ({@code mvn dl:evaluate}) it compiles the project first.
 */
@Mojo(name = "evaluate", defaultPhase = LifecyclePhase.VERIFY,
    requiresDependencyResolution = ResolutionScope.RUNTIME, threadSafe = true)
public class EvaluateMojo extends AbstractGatingMojo {

  /**
   * A CSV file with the training table's columns to evaluate every row of, instead of the test
   * split; for models with {@code @CsvData}.
   */
  @Parameter(property = "dl.evaluate.data")
  private File data;

  @Override
  ForkGoal goal() {
    return ForkGoal.EVALUATE;
  }

  @Override
  ForkRequest request(ForkGoal goal) {
    return super.request(goal).withEvaluationData(data == null ? null : data.toPath());
  }

  @Override
  void handle(SessionResult result) throws MojoExecutionException, MojoFailureException {
    // The fork logged each evaluation as it finished; only the threshold checks follow.
    new ResultReporter(getLog(), haltOnFailure, ResultReporter.NO_HEADLINE).report(result);
  }
}
