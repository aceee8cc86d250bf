package dev.deepbuild.processor.model;

import dev.deepbuild.annotations.OutputMode;
import java.util.Objects;

/**
 * How texts become features ({@code @TextVectorization}).
 *
 * @param maxTokens the vocabulary's size: multi-hot columns, or for {@link OutputMode#INT} the
 *     indices including padding (0) and out-of-vocabulary (1)
 * @param mode multi-hot vectors or word index sequences
 * @param sequenceLength the length an {@link OutputMode#INT} sequence is padded or truncated to; 0
 *     for multi-hot
 */
public record VectorizationDescription(int maxTokens, OutputMode mode, int sequenceLength) {

  public VectorizationDescription {
    Objects.requireNonNull(mode, "mode");
    switch (mode) {
      case MULTI_HOT -> {
        if (maxTokens < 1 || sequenceLength != 0) {
          throw new IllegalArgumentException(
              "multi-hot needs maxTokens >= 1 and no sequence length: " + maxTokens + ", "
                  + sequenceLength);
        }
      }
      case INT -> {
        if (maxTokens < 3 || sequenceLength < 1) {
          throw new IllegalArgumentException(
              "INT needs maxTokens >= 3 and a positive sequence length: " + maxTokens + ", "
                  + sequenceLength);
        }
      }
    }
  }

  /**
   * The features a vectorized text has, the network's input: a vector of multi-hot columns, or of
   * word indices, which the network reads as plain features since the DSL has no embedding layer.
   */
  public Shape features() {
    return Shape.vector(mode == OutputMode.MULTI_HOT ? maxTokens : sequenceLength);
  }
}
