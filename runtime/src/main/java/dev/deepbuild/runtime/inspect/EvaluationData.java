package dev.deepbuild.runtime.inspect;

import dev.deepbuild.runtime.train.ModelInputs;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.dataset.MultiDataSet;

/**
 * The rows a saved model is evaluated on, not yet standardized: the saved model's own
 * standardization applies to them, never one fitted again.
 *
 * @param description what the rows are, for the log and the threshold messages
 */
record EvaluationData(MultiDataSet data, String description) {

  /** The model's test split, the rows training tested it on. */
  static EvaluationData testSplit(ModelInputs inputs, DataType type) {
    int[] rows = inputs.split().test();
    MultiDataSet data = inputs.data().rows(rows, type);
    return new EvaluationData(data, "its test split: " + rows.length + " of "
        + inputs.examples().description());
  }
}
