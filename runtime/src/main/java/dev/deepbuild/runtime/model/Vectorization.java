package dev.deepbuild.runtime.model;

import dev.deepbuild.annotations.OutputMode;
import java.util.Objects;

/**
 * How texts become features, as {@code @TextVectorization} says: {@code
 * Vectorization.multiHot(10000)} or {@code Vectorization.intSequences(20000).sequenceLength(200)}.
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

  /** A multi-hot column per word of a {@code maxTokens}-word vocabulary. */
  public static Vectorization multiHot(int maxTokens) {
    return new Vectorization(maxTokens, OutputMode.MULTI_HOT, 0);
  }

  /**
   * Each text as its word indices in a {@code maxTokens}-index vocabulary; give its length with
   * {@link #sequenceLength(int)}.
   */
  public static Vectorization intSequences(int maxTokens) {
    return new Vectorization(maxTokens, OutputMode.INT, 0);
  }

  /** These sequences padded or truncated to {@code length} indices. */
  public Vectorization sequenceLength(int length) {
    return new Vectorization(maxTokens, mode, length);
  }

  /** The number of features a vectorized text has. */
  public int features() {
    return mode == OutputMode.MULTI_HOT ? maxTokens : sequenceLength;
  }
}
