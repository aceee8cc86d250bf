package dev.deepbuild.runtime.inspect;

import dev.deepbuild.runtime.data.Batches;
import dev.deepbuild.runtime.data.ModelData;
import dev.deepbuild.runtime.data.Standardization;
import dev.deepbuild.runtime.train.ModelInputs;
import java.util.Optional;
import java.util.stream.IntStream;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.dataset.MultiDataSet;

/**
 * The rows a saved model is evaluated on, not yet standardized: the saved model's own
 * standardization applies to them, never one fitted again. Images stay compact and are measured a
 * chunk at a time, as in training.
 *
 * @param rows the rows of {@code data} to evaluate on
 * @param description what the rows are, for the log and the threshold messages
 */
record EvaluationData(ModelData data, int[] rows, DataType type, String description) {

  /** The model's test split, the rows training tested it on. */
  static EvaluationData testSplit(ModelInputs inputs, DataType type) {
    int[] rows = inputs.split().test();
    return new EvaluationData(inputs.data(), rows, type, "its test split: " + rows.length + " of "
        + inputs.examples().description());
  }

  /** Every row of {@code data}. */
  static EvaluationData all(ModelData data, int rows, DataType type, String description) {
    return new EvaluationData(data, IntStream.range(0, rows).toArray(), type, description);
  }

  /** The rows through the batch seam, standardized by the saved {@code normalizer}, if any. */
  Batches batches(Optional<Standardization> normalizer) {
    return data.batches(rows, type, false).orElseGet(() -> {
      MultiDataSet arrays = data.rows(rows, type);
      normalizer.ifPresent(standardization -> standardization.transform(arrays));
      return Batches.inMemory(arrays);
    });
  }
}
