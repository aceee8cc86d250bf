package dev.deepbuild.runtime.examples;

import dev.deepbuild.runtime.data.Features;
import dev.deepbuild.runtime.text.EncodedTexts;
import java.util.List;
import java.util.Optional;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Multi-hot texts as the indices of their words ({@link EncodedTexts#toTokenIndices}), for a
 * network whose layer on them sums the weights of the words present: never a dense row.
 */
record TokenIndexFeatures(EncodedTexts texts) implements Features {
  /** The multi-hot width, which the layer's {@code nIn} is checked against. */
  @Override
  public int columns() {
    return texts.width();
  }

  @Override
  public INDArray rows(int[] rows, DataType type) {
    return texts.toTokenIndices(rows, type);
  }

  @Override
  public Optional<Features> tokenIndices() {
    return Optional.of(this);
  }

  @Override
  public List<String> vocabulary() {
    return texts.vocabulary().words();
  }
}
