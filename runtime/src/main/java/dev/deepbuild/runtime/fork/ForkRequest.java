package dev.deepbuild.runtime.fork;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * What the forked JVM is asked to do. It travels as a JSON file, not on the command line.
 *
 * @param goal what to do with the models
 * @param baseDir the project's base directory, against which data files resolve
 * @param outputRoot where each model's folder goes ({@code target/deepbuild})
 * @param models the names of the models to work on; empty for all
 * @param force whether to train models again even when their saved model is up to date
 * @param resultFile where the fork writes its {@link dev.deepbuild.runtime.session.SessionResult}
 */
public record ForkRequest(
    ForkGoal goal, Path baseDir, Path outputRoot, List<String> models, boolean force, Path resultFile) {

  public ForkRequest {
    Objects.requireNonNull(goal, "goal");
    models = List.copyOf(models);
  }

  public ForkRequest withForce(boolean force) {
    return new ForkRequest(goal, baseDir, outputRoot, models, force, resultFile);
  }
}
