package dev.deepbuild.runtime.data;

import java.util.Objects;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.dataset.api.MultiDataSet;
import org.nd4j.linalg.dataset.api.preprocessor.DataNormalization;
import org.nd4j.linalg.dataset.api.preprocessor.MultiDataNormalization;
import org.nd4j.linalg.dataset.api.preprocessor.MultiNormalizerStandardize;
import org.nd4j.linalg.dataset.api.preprocessor.Normalizer;
import org.nd4j.linalg.dataset.api.preprocessor.NormalizerStandardize;

/**
 * The standardization of a model's inputs, fitted on its training rows, as saved with the model:
 * ND4J's {@code NormalizerStandardize} for a network of one input (the form every saved model of
 * one input has, so their files stay as they were), and {@code MultiNormalizerStandardize} for
 * several, which keeps each input's own means and deviations; labels are left as they are.
 *
 * @param normalizer what {@code ModelSerializer} saves inside the model's zip
 */
public record Standardization(Normalizer<?> normalizer) {

  public Standardization {
    Objects.requireNonNull(normalizer, "normalizer");
    if (!(normalizer instanceof DataNormalization) && !(normalizer instanceof MultiDataNormalization)) {
      throw new IllegalArgumentException("a normalizer that transforms no data set: "
          + normalizer.getClass().getName());
    }
  }

  /** Means and deviations of every input's features in {@code train}, each input its own. */
  public static Standardization fit(MultiDataSet train) {
    if (train.numFeatureArrays() == 1) {
      NormalizerStandardize one = new NormalizerStandardize();
      one.fit(new DataSet(train.getFeatures(0), train.getLabels(0)));
      return new Standardization(one);
    }
    MultiNormalizerStandardize every = new MultiNormalizerStandardize();
    every.fit(train);
    return new Standardization(every);
  }

  /** Standardizes every input array of {@code data} in place. */
  public void transform(MultiDataSet data) {
    // The one place that tells ND4J's two families of normalizers apart; the constructor
    // admits nothing else.
    if (normalizer instanceof MultiDataNormalization multi) {
      multi.preProcess(data);
    } else {
      ((DataNormalization) normalizer).transform(data.getFeatures(0));
    }
  }
}
