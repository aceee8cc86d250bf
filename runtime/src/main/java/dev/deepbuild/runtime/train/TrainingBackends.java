package dev.deepbuild.runtime.train;

import dev.deepbuild.build.DeepBuildException;
import dev.deepbuild.build.spark.Spark;
import dev.deepbuild.runtime.model.ModelSpec;
import dev.deepbuild.runtime.network.EpochFit;
import dev.deepbuild.runtime.network.ReplicaTraining;
import dev.deepbuild.runtime.network.TrainableNetwork;
import java.util.Optional;
import java.util.ServiceLoader;

/**
 * The training backend the training JVM was started with: the system property {@value #PROPERTY}
 * names one ({@code spark}, which the {@code deepbuild-spark} module provides); unset, epochs
 * train in this JVM, on one model or on the build's replicas.
 */
public final class TrainingBackends {
  /** The system property that names the backend; the Maven plugin sets it from {@code dl.backend}. */
  public static final String PROPERTY = "deepbuild.training.backend";

  private TrainingBackends() {}

  /** The backend the property names, or empty when it names none. */
  public static Optional<TrainingBackend> selected() {
    return named(System.getProperty(PROPERTY, ""));
  }

  /**
   * @throws DeepBuildException when {@code name} is not blank and no backend on the class path has
   *     it
   */
  static Optional<TrainingBackend> named(String name) {
    if (name.isBlank()) {
      return Optional.empty();
    }
    for (TrainingBackend backend : ServiceLoader.load(TrainingBackend.class,
        TrainingBackends.class.getClassLoader())) {
      if (backend.name().equals(name)) {
        return Optional.of(backend);
      }
    }
    throw new DeepBuildException(PROPERTY + " is '" + name + "' but no training backend of that"
        + " name is on the class path: for '" + Spark.BACKEND + "' the Maven plugin adds"
        + " dev.deepbuild:deepbuild-spark with -Ddl.backend=" + Spark.BACKEND + "; elsewhere add"
        + " that artifact to the class path, or unset " + PROPERTY + " to train in this JVM");
  }

  /**
   * How {@code network}'s epochs train when not minibatch after minibatch in this JVM: on the
   * selected backend, or on the build's replicas ({@code dl.workers} above 1); empty when they
   * train here, where the epoch loop also hears each minibatch's training figures.
   */
  static Optional<EpochFit> start(TrainableNetwork network, ModelSpec spec) {
    Optional<TrainingBackend> backend = selected();
    if (backend.isPresent()) {
      return Optional.of(backend.get().start(network, spec));
    }
    return ReplicaTraining.of(network, ComputeSettings.current().workers());
  }
}
