package dev.deepbuild.runtime.model;

import dev.deepbuild.annotations.OutputMode;
import java.util.Objects;

/**
 * How texts become features, as {@code @TextVectorization} says.
 *
 * @param maxTokens the vocabulary's size (multi-hot columns; for INT, indices including padding
 *     and out-of-vocabulary)
 * @param mode multi-hot vectors or integer sequences
 * @param sequenceLength the padded length of an INT sequence; 0 for multi-hot
 */
public record Vectorization(int maxTokens, OutputMode mode, int sequenceLength) {
  public Vectorization {
    Objects.requireNonNull(mode, "mode");
  }

  /** The number of features a vectorized text has. */
  public int features() {
    return mode == OutputMode.MULTI_HOT ? maxTokens : sequenceLength;
  }
}
