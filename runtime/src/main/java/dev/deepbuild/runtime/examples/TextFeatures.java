package dev.deepbuild.runtime.examples;

import dev.deepbuild.annotations.OutputMode;
import dev.deepbuild.runtime.data.Features;
import dev.deepbuild.runtime.text.EncodedTexts;
import java.util.List;
import java.util.Optional;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/** Vectorized texts as features: kept sparse, made dense only for the rows a split needs. */
record TextFeatures(EncodedTexts texts) implements Features {
  @Override
  public int columns() {
    return texts.width();
  }

  @Override
  public INDArray rows(int[] rows, DataType type) {
    return texts.toINDArray(rows, type);
  }

  @Override
  public Optional<Features> tokenIndices() {
    return texts.mode() == OutputMode.MULTI_HOT
        ? Optional.of(new TokenIndexFeatures(texts)) : Optional.empty();
  }

  @Override
  public List<String> vocabulary() {
    return texts.vocabulary().words();
  }
}
