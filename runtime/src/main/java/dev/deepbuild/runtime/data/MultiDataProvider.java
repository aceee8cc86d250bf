package dev.deepbuild.runtime.data;

import org.nd4j.linalg.dataset.api.MultiDataSet;

/**
 * Data from the user's own code, for a functional model declared with {@code
 * @ProvidedData(MyProvider.class)}: a public class with a public no-argument constructor that
 * returns every sample at once. DeepBuild shuffles, splits (stratified by the first output when it
 * is a classifier) and seeds these rows exactly as it does a table's, and fits standardization on
 * the training rows only.
 */
public interface MultiDataProvider {
  /**
   * All samples: one features array per {@code @Input}, in declaration order, each of shape
   * {@code [samples, width]} with the width the network declares for that input, and one labels
   * array per {@code @Output}, in declaration order: one-hot rows (or a 0/1 column for one
   * sigmoid unit) for a classifier, the target numbers for a regressor. Called once per training
   * or evaluation, and for the digest that tells whether the model is up to date, so the same
   * samples should come back each time.
   */
  MultiDataSet samples();
}
