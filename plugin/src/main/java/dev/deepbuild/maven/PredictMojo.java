package dev.deepbuild.maven;

import dev.deepbuild.build.DeepBuildException;
import dev.deepbuild.runtime.predict.CommandLinePrediction;
import java.io.File;
import java.nio.file.Path;
import java.util.List;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Prints a trained model's predictions, one line per input: {@code mvn dl:predict -Ddl.model=imdb
 * "-Ddl.input=A wonderful film"} or {@code -Ddl.input=reviews.txt} (a line each); a functional
 * model's rows are JSON objects of its inputs by name, {@code -Ddl.input='{"title": "Oil rises",
 * "body": "..."}'} or a file of one a line, and each output's prediction is printed by name. It
 * reads the model packaged into the class output, or else the one {@code dl:train} saved under
 * {@code target/deepbuild/<model>/model.zip}, and never trains. It runs in Maven's JVM: a model
 * with the project's own custom layers cannot be loaded here.
 */
@Mojo(name = "predict", threadSafe = true)
public class PredictMojo extends AbstractMojo {

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

  @Parameter(defaultValue = "${project.basedir}", readonly = true, required = true)
  private File baseDirectory;

  @Parameter(defaultValue = "${project.build.outputDirectory}", readonly = true, required = true)
  private File classesDirectory;

  /** Where each model's folder (saved model, metrics) is. */
  @Parameter(property = "dl.outputDirectory", defaultValue = "${project.build.directory}/deepbuild")
  private File outputDirectory;

  @Override
  public void execute() throws MojoExecutionException {
    Path file = CommandLinePrediction.modelFile(classesDirectory.toPath(),
        outputDirectory.toPath(), model);
    List<String> predictions;
    try {
      predictions = CommandLinePrediction.predict(file, model, input, baseDirectory.toPath());
    } catch (DeepBuildException e) {
      throw new MojoExecutionException(e.getMessage(), e);
    }
    predictions.forEach(getLog()::info);
  }
}
