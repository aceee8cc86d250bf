package dev.deepbuild.runtime.fork;

import java.nio.file.Path;
import java.util.List;

/**
 * What the forked training JVM is asked to do. It travels as a JSON file, not on the command line.
 *
 * @param baseDir the project's base directory, against which data files resolve
 * @param outputRoot where each model's folder goes ({@code target/deepbuild})
 * @param models the names of the models to train; empty for all
 * @param resultFile where the fork writes its {@link dev.deepbuild.runtime.session.SessionResult}
 */
public record ForkRequest(Path baseDir, Path outputRoot, List<String> models, Path resultFile) {
  public ForkRequest {
    models = List.copyOf(models);
  }
}
