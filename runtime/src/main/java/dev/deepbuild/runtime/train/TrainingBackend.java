package dev.deepbuild.runtime.train;

import dev.deepbuild.runtime.model.ModelSpec;
import dev.deepbuild.runtime.network.EpochFit;
import dev.deepbuild.runtime.network.TrainableNetwork;

/**
 * Where a model's epochs train, found as a {@link java.util.ServiceLoader} service by its {@link
 * #name()} ({@link TrainingBackends}); without one they train in the training JVM, minibatch
 * after minibatch. A backend trains the epoch loop's own network, whose parameters are then the
 * trained ones, so that validation, early stopping, checkpoints and reports stay as they are.
 */
public interface TrainingBackend {

  /** The name that selects it, the value of {@link TrainingBackends#PROPERTY}. */
  String name();

  /** Starts training {@code network} as {@code spec} says; each call of the result is one epoch. */
  EpochFit start(TrainableNetwork network, ModelSpec spec);

  /**
   * What the provenance records of it for {@code spec}: its name and settings, and whether two
   * runs with the same seed give the same bits.
   */
  String describe(ModelSpec spec);
}
