package dev.deepbuild.maven.backend;

import java.util.List;
import org.apache.maven.plugin.MojoExecutionException;

/**
 * Training on several replicas of a model at once, DL4J's {@code ParallelWrapper}: its jar joins
 * the training JVM's class path only when asked for, since the project's dependencies do not
 * bring it. It needs nothing that deeplearning4j-nn does not already bring for the averaging mode
 * the runtime uses, so it comes without its dependencies (deeplearning4j-core and a parameter
 * server, with every platform's natives).
 */
public final class ParallelTraining {
  static final Coordinates WRAPPER =
      Coordinates.jar("org.deeplearning4j", "deeplearning4j-parallel-wrapper", "1.0.0-M2.1");

  private ParallelTraining() {}

  /**
   * The artifacts that training with {@code workers} replicas needs; none for one.
   *
   * @throws MojoExecutionException when {@code workers} is not a positive count
   */
  public static List<Coordinates> artifacts(int workers) throws MojoExecutionException {
    if (workers < 1) {
      throw new MojoExecutionException("workers (-Ddl.workers) is " + workers + "; set it to the"
          + " number of model replicas to train at once, or to 1 (the default) to train one.");
    }
    return workers == 1 ? List.of() : List.of(WRAPPER);
  }
}
