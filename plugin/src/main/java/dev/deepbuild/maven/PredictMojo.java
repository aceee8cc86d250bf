package dev.deepbuild.maven;

import dev.deepbuild.build.fork.ForkGoal;
import dev.deepbuild.build.fork.ForkRequest;
import dev.deepbuild.build.result.SessionResult;
import java.util.List;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

/**
 * Prints a trained model's predictions, one line per input: {@code mvn dl:predict -Ddl.model=imdb
 * "-Ddl.input=A wonderful film"} or {@code -Ddl.input=reviews.txt} (a line each); a functional
 * model's rows are JSON objects of its inputs by name, {@code -Ddl.input='{"title": "Oil rises",
 * "body": "..."}'} or a file of one a line, and each output's prediction is printed by name. It
 * reads the model packaged into the class output, or else the one {@code dl:train} saved under
 * {@code target/deepbuild/<model>/model.zip}, and never trains. It predicts in a forked JVM with
 * the project's runtime class path, as the other goals do, so a model with the project's own
 * custom layers loads; invoked alone it compiles the project first.
 */
@Mojo(name = "predict", requiresDependencyResolution = ResolutionScope.RUNTIME, threadSafe = true)
public class PredictMojo extends AbstractForkingMojo {

  /** The name of the model to predict with, as {@code @Model(name)} gives it. */
  @Parameter(property = "dl.model", required = true)
  private String model;

  /**
   * A file (a text or a row a line, an image) or folder of images, relative to the project's
   * base directory, or else the text or comma-separated row itself; for a functional model, a
   * JSON object of its inputs by name, or a file of one a line.
   */
  @Parameter(property = "dl.input", required = true)
  private String input;

  @Override
  ForkGoal goal() {
    return ForkGoal.PREDICT;
  }

  @Override
  ForkRequest request(ForkGoal goal) {
    return super.request(goal).withModels(List.of(model)).withInput(input);
  }

  @Override
  void handle(SessionResult result) throws MojoExecutionException, MojoFailureException {
    // The fork printed the predictions; a prediction checks no thresholds, so only errors remain.
    new ResultReporter(getLog(), true, ResultReporter.NO_HEADLINE).report(result);
  }
}
