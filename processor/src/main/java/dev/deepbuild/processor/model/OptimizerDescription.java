package dev.deepbuild.processor.model;

import dev.deepbuild.annotations.OptimizerType;
import java.util.Objects;

/**
 * The optimizer and the learning rate it uses: the stated one, or the optimizer's Keras default
 * when none was stated.
 */
public record OptimizerDescription(OptimizerType type, double learningRate) {

  public OptimizerDescription {
    Objects.requireNonNull(type, "type");
  }

  public boolean usesDefaultLearningRate() {
    return learningRate == type.defaultLearningRate();
  }
}
